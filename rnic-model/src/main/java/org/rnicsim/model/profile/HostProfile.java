package org.rnicsim.model.profile;

/**
 * The host side of one machine.
 *
 * @param cpuCores cores that run posts, polls, ISRs and callbacks
 * @param postSendCpuPs CPU time to build one send WQE in the SQ ring and write the doorbell (or
 *     copy the WQE to the BlueFlame register when it is inline)
 * @param postRecvCpuPs CPU time to build one receive WQE and write its doorbell record
 * @param cqPollDetectPs time a core spinning on the CQ ring takes to see a CQE that has landed: the
 *     cache line the adapter wrote has to travel to the polling core
 */
public record HostProfile(
    int cpuCores, long postSendCpuPs, long postRecvCpuPs, long cqPollDetectPs) {
  public HostProfile {
    ProfileChecks.positive("host.cpuCores", cpuCores);
    ProfileChecks.nonNegative("host.postSendCpuPs", postSendCpuPs);
    ProfileChecks.nonNegative("host.postRecvCpuPs", postRecvCpuPs);
    ProfileChecks.nonNegative("host.cqPollDetectPs", cqPollDetectPs);
  }
}
