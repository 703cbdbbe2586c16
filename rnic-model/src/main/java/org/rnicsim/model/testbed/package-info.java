/**
 * Small perftest-style workloads that drive the hardware-level interface directly, without a
 * driver: two machines back to back, connected QP pairs, a SEND ping-pong that measures one-way
 * latency the way ib_send_lat does, and a closed loop of RDMA WRITEs. Calibration tests and the
 * model benchmark use them; the NDK consumers of ndk-api are the product's workloads.
 */
package org.rnicsim.model.testbed;
