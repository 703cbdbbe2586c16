/**
 * Sweeps across machines on an embedded Hazelcast cluster: {@code rnicsim worker} members run jobs
 * that {@code rnicsim sweep --cluster} hands out. Jobs travel as JSON (the study's text, the
 * defaults, the profiles beside it, and which point, case and replication), so a worker needs no
 * files; each member plans the study itself and checks that its job has the driver's fingerprint,
 * so a result never comes from another rnicsim or another study. Nothing here starts unless a
 * command names a cluster.
 */
package org.rnicsim.experiments.cluster;
