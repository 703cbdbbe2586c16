/**
 * The testbed: {@link org.rnicsim.model.testbed.Testbed} builds and cables the machines of every
 * simulation (back to back or on one switch, with one set of switch settings), for the model's own
 * rigs, the NDK hosts and the studies alike. On top of it, small perftest-style workloads that
 * drive the hardware-level interface directly, without a driver: two machines back to back,
 * connected QP pairs, a SEND ping-pong that measures one-way latency the way ib_send_lat does, and
 * a closed loop of RDMA WRITEs. Calibration tests and the model benchmark use them; the NDK
 * consumers of ndk-api are the product's workloads.
 */
package org.rnicsim.model.testbed;
