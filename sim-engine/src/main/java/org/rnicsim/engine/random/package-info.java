/**
 * Named random streams: each component draws from its own stream, derived from (master seed,
 * replication, stream name), so adding a component never changes what another one draws.
 */
package org.rnicsim.engine.random;
