package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.stats.StatisticsSummary;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.pcie.PcieThroughputModel;
import org.rnicsim.model.pcie.PostedWriteCredits;
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

  /** What a run of MESSAGES 64 KiB WRITEs showed: the acknowledged rate and the counters. */
  private record Run(double ackedBitsPerSecond, StatisticsSummary stats, Rnic responder) {}

  private static Run writeAll(HardwareProfile profile) {
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
    assertTrue(endPs > startPs);
    // From the first completion to the last, MESSAGES - 1 messages were acknowledged.
    double ackedBitsPerSecond =
        (MESSAGES - 1) * MESSAGE_BYTES * 8.0 / ((endPs - firstDonePs) / 1e12);
    return new Run(ackedBitsPerSecond, testbed.stats().summarize(), pair.b().nic());
  }

  @Test
  void aReceiverSlowerThanItsPortPausesTheSenderAndAcknowledgesNoFasterThanPcieCommits() {
    HardwareProfile profile = fastPort();
    Run run = writeAll(profile);
    assertTrue(run.stats().counter("nic1.rxBuffer.pauses").count() > 0, "the receiver paused");
    assertEquals(
        0, run.stats().counter("nic1.rxBuffer.drops").count(), "lossless: nothing dropped");
    assertEquals(0, run.stats().counter("nic1.rx.dropped").count());

    // The receiver's writes of 4 KiB packets bound how fast.
    double ceilingBitsPerSecond =
        new PcieThroughputModel(profile.pcie().linkConfig()).dmaWriteBitsPerSecond(4096);
    assertTrue(
        run.ackedBitsPerSecond() <= ceilingBitsPerSecond * 1.001,
        run.ackedBitsPerSecond() / 1e9
            + " Gb/s acknowledged, ceiling "
            + ceilingBitsPerSecond / 1e9);
    assertTrue(run.ackedBitsPerSecond() > ceilingBitsPerSecond * 0.95, "PCIe stays busy");
  }

  /**
   * A host that writes inbound data to memory slower than the link: the root port's posted credits
   * come back only as fast as memory takes the data, so the adapter's writes wait for credits, its
   * receive buffer fills and it pauses the sender rather than dropping; what is acknowledged
   * follows the host's memory write rate, not the link's.
   */
  @Test
  void aSlowHostMemoryWritePathHoldsBackPostedCreditsAndPausesTheSender() {
    long hostWriteBitsPerSecond = 20_000_000_000L;
    HardwareProfile small = TestProfiles.small();
    Run run =
        writeAll(
            small.withPcie(small.pcie().withHostWriteRateBitsPerSecond(hostWriteBitsPerSecond)));
    assertTrue(run.stats().counter("nic1.rxBuffer.pauses").count() > 0, "the receiver paused");
    assertEquals(
        0, run.stats().counter("nic1.rxBuffer.drops").count(), "lossless: nothing dropped");
    PostedWriteCredits credits = run.responder().pcie().postedCredits();
    assertTrue(
        credits.maxDataBytesInFlight()
            <= (long) credits.dataCredits() * PostedWriteCredits.DATA_CREDIT_BYTES);
    assertTrue(
        run.ackedBitsPerSecond() <= hostWriteBitsPerSecond * 1.001
            && run.ackedBitsPerSecond() > hostWriteBitsPerSecond * 0.95,
        run.ackedBitsPerSecond() / 1e9 + " Gb/s acknowledged, the host writes 20 Gb/s");
  }
}
