package org.rnicsim.experiments.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.RoundRobinRequests;

/**
 * Calibration Q1: active RC QPs past the size of the adapter's context cache cost a PCIe read per
 * miss. 32 B READs or WRITEs go round robin over N QPs with 128 in flight; host costs are zero, so
 * only the adapters limit the rate.
 */
class Q1QpScalabilityTest {

  static double requestsPerSecond(HardwareProfile profile, int qps, WorkOpcode opcode) {
    BackToBackTestbed testbed =
        new BackToBackTestbed(profile.withHost(new HostProfile(8, 0, 0, 0)), 1);
    RoundRobinRequests requests = new RoundRobinRequests(testbed, qps, opcode, 32);
    requests.run(20_000, 128);
    long ps = requests.run(50_000, 128);
    return 50_000 / (ps / 1e12);
  }

  @Test
  void connectX3ClassReadThroughputFallsOffACliffBetween90And180QpsWhileWritesHold() {
    HardwareProfile profile = CalibrationProfiles.named("connectx3-class");
    double read90 = requestsPerSecond(profile, 90, WorkOpcode.RDMA_READ);
    double read180 = requestsPerSecond(profile, 180, WorkOpcode.RDMA_READ);
    double write90 = requestsPerSecond(profile, 90, WorkOpcode.RDMA_WRITE);
    double write180 = requestsPerSecond(profile, 180, WorkOpcode.RDMA_WRITE);
    double readKept = read180 / read90;
    assertTrue(readKept > 0.2 && readKept < 0.45, "READ keeps " + readKept + ": about a third");
    assertTrue(write180 / write90 > 0.9, "WRITE keeps " + write180 / write90);
  }

  @Test
  void connectIbClassReadThroughputDecaysGraduallyByAboutAThirdAt1400Qps() {
    HardwareProfile profile = CalibrationProfiles.named("connect-ib-class");
    double read64 = requestsPerSecond(profile, 64, WorkOpcode.RDMA_READ);
    double read700 = requestsPerSecond(profile, 700, WorkOpcode.RDMA_READ);
    double read1400 = requestsPerSecond(profile, 1400, WorkOpcode.RDMA_READ);
    double write64 = requestsPerSecond(profile, 64, WorkOpcode.RDMA_WRITE);
    double write1400 = requestsPerSecond(profile, 1400, WorkOpcode.RDMA_WRITE);
    double readKept = read1400 / read64;
    assertTrue(readKept > 0.55 && readKept < 0.8, "READ keeps " + readKept + " at 1400 QPs");
    // Gradual: doubling 700 -> 1400 costs far less than the ConnectX-3 class's two thirds.
    assertTrue(read1400 / read700 > 0.55, "700 -> 1400 keeps " + read1400 / read700);
    assertTrue(read700 / read64 < 1.0, "already decaying at 700");
    assertTrue(readKept < write1400 / write64, "READ degrades more than WRITE");
  }
}
