package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.pcie.PcieThroughputModel;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * A port faster than the receiver's PCIe slot: the receive buffer fills, the receiver pauses its
 * partner instead of dropping, and what the requester sees acknowledged never outruns what the
 * receiver's DMA writes can commit (calibration P1, P2).
 */
class ReceiveBufferBackPressureTest {
  private static final long MESSAGE_BYTES = 64 * 1024;
  private static final int MESSAGES = 400;

  private static HardwareProfile fastPort() {
    HardwareProfile small = TestProfiles.small();
    PortProfile port = small.port();
    return small.withPort(
        new PortProfile(
            400_000_000_000L,
            port.propagationDelayPs(),
            port.mtuBytes(),
            port.packetHeaderBytes(),
            port.txLatencyPs(),
            port.rxLatencyPs(),
            port.txQueuePackets()));
  }

  @Test
  void aReceiverSlowerThanItsPortPausesTheSenderAndAcknowledgesNoFasterThanPcieCommits() {
    HardwareProfile profile = fastPort();
    BackToBackTestbed testbed = new BackToBackTestbed(profile, 1);
    ConnectedPair pair = testbed.connectPair(512, 512);
    Rnic requester = pair.a().nic();
    // One buffer each side, as ib_write_bw uses, so no translation miss slows the receiver.
    for (int i = 0; i < MESSAGES; i++) {
      assertTrue(
          requester.postSend(
              pair.a().qp(), SendWorkRequest.write(i, 0x10_0000, MESSAGE_BYTES, 0x20_0000)));
    }
    long startPs = testbed.simulator().nowPs();
    requester.ringSendDoorbell(pair.a().qp());
    List<Completion> done = new ArrayList<>();
    long firstDonePs = -1;
    while (done.size() < MESSAGES) {
      testbed.simulator().runUntil(() -> pair.a().sendCq().landedNotPolled() > 0);
      pair.a().sendCq().poll(Integer.MAX_VALUE, done);
      if (firstDonePs < 0) {
        firstDonePs = testbed.simulator().nowPs();
      }
    }
    long endPs = testbed.simulator().nowPs();
    assertTrue(done.stream().allMatch(Completion::isSuccess));

    var stats = testbed.stats().summarize();
    assertTrue(stats.counter("nic1.rxBuffer.pauses").count() > 0, "the receiver paused");
    assertEquals(0, stats.counter("nic1.rxBuffer.drops").count(), "lossless: nothing dropped");
    assertEquals(0, stats.counter("nic1.rx.dropped").count());

    // From the first completion to the last, MESSAGES - 1 messages were acknowledged; the
    // receiver's writes of 4 KiB packets bound how fast.
    double ceilingBitsPerSecond =
        new PcieThroughputModel(profile.pcie().linkConfig()).dmaWriteBitsPerSecond(4096);
    double ackedBitsPerSecond =
        (MESSAGES - 1) * MESSAGE_BYTES * 8.0 / ((endPs - firstDonePs) / 1e12);
    assertTrue(
        ackedBitsPerSecond <= ceilingBitsPerSecond * 1.001,
        ackedBitsPerSecond / 1e9 + " Gb/s acknowledged, ceiling " + ceilingBitsPerSecond / 1e9);
    assertTrue(ackedBitsPerSecond > ceilingBitsPerSecond * 0.95, "PCIe stays busy");
    assertTrue(endPs > startPs);
  }
}
