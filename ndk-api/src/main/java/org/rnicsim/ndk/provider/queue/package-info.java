/**
 * Protection domains, queue pairs and shared receive queues of the simulated provider (ndkpi-spec
 * 2, 4-6, invariants 19-23, 30, 32): creation checks, the eight posts with DEFER batching, Flush,
 * SRQ arming, and the QP's side of the datapath seam. The PD lives here because it creates QPs and
 * SRQs and they check their memory against it; its MRs and MWs are in {@code memory}, below.
 */
package org.rnicsim.ndk.provider.queue;
