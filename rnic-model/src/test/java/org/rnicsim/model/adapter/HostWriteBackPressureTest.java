package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.pcie.PostedWriteCredits;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * A host that writes inbound DMA data to memory slower than the link: the root port's posted
 * credits come back only as fast as memory takes the data, so the adapter's writes wait for
 * credits, its receive buffer fills and it pauses the sender (PFC) rather than dropping; what the
 * requester sees acknowledged follows the host's memory write rate, not the PCIe link's.
 */
@Timeout(60)
class HostWriteBackPressureTest {
  private static final long MESSAGE_BYTES = 64 * 1024;
  private static final int MESSAGES = 200;
  private static final long HOST_WRITE_BITS_PER_SECOND = 20_000_000_000L;

  @Test
  void aSlowHostMemoryWritePathFillsTheReceiveBufferAndPausesTheSender() {
    HardwareProfile small = TestProfiles.small();
    HardwareProfile profile =
        small.withPcie(small.pcie().withHostWriteRateBitsPerSecond(HOST_WRITE_BITS_PER_SECOND));
    BackToBackTestbed testbed = new BackToBackTestbed(profile, 1);
    ConnectedPair pair = testbed.connectPair(512, 512);
    Rnic requester = pair.a().nic();
    for (int i = 0; i < MESSAGES; i++) {
      assertTrue(
          requester.postSend(
              pair.a().qp(), SendWorkRequest.write(i, 0x10_0000, MESSAGE_BYTES, 0x20_0000)));
    }
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

    PostedWriteCredits credits = pair.b().nic().pcie().postedCredits();
    assertTrue(
        credits.maxDataBytesInFlight()
            <= (long) credits.dataCredits() * PostedWriteCredits.DATA_CREDIT_BYTES);

    double ackedBitsPerSecond =
        (MESSAGES - 1) * MESSAGE_BYTES * 8.0 / ((endPs - firstDonePs) / 1e12);
    assertTrue(
        ackedBitsPerSecond <= HOST_WRITE_BITS_PER_SECOND * 1.001
            && ackedBitsPerSecond > HOST_WRITE_BITS_PER_SECOND * 0.95,
        ackedBitsPerSecond / 1e9 + " Gb/s acknowledged, host writes 20 Gb/s");
  }
}
