/** Queueing primitives that hardware components reuse: a single-server FIFO station. */
package org.rnicsim.engine.queue;
