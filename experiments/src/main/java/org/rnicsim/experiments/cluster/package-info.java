/**
 * Sweeps across machines on embedded Hazelcast clusters: {@code rnicsim worker} members wait in a
 * lobby named from the rnicsim version, learn there of each {@code rnicsim sweep --cluster} driver,
 * and run its jobs in a cluster of that study's own, named from its fingerprint. Jobs travel as
 * JSON (the study's text, the defaults, the profiles beside it, and which point, case and
 * replication), so a worker needs no files; each member plans the study itself and checks that its
 * job has the driver's fingerprint, so a result never comes from another rnicsim or another study.
 * Nothing here starts unless a command names a cluster.
 */
package org.rnicsim.experiments.cluster;
