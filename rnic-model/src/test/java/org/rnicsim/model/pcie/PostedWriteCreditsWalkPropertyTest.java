package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link PostedWriteCredits} takes a shortcut for the common transfer (full TLPs back to back, none
 * meeting the transfer's end); every drain time, credit return and credit count must still be the
 * one the plain TLP by TLP walk gives, or study results would move. The walk is kept here as the
 * reference and both are driven with the same random transfers: whole and partial last TLPs, MPS
 * that is and is not a power of two, TLP counts other than the payload's, transfers whose end cuts
 * into their TLPs, rings that fill and wrap.
 */
class PostedWriteCreditsWalkPropertyTest {
  private static final Duration WALL_LIMIT = Duration.ofSeconds(60);
  // Powers of two only, as PcieLinkConfig allows.
  private static final int[] MAX_PAYLOADS = {64, 128, 256, 512, 4096};

  @Property(tries = 300, seed = "42")
  void theShortcutGivesTheTimesAndCountsOfTheTlpByTlpWalk(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int transfers) {
    assertTimeoutPreemptively(WALL_LIMIT, () -> compare(seed, transfers));
  }

  private static void compare(long seed, int transfers) {
    Random random = new Random(seed);
    int headerCredits = 1 + random.nextInt(160);
    int dataCredits = 1 + random.nextInt(1300);
    long hostBitsPerSecond = 1_000_000_000L + (long) (random.nextDouble() * 600e9);
    long returnLatencyPs = random.nextInt(4) == 0 ? 0 : random.nextInt(400_000);
    long flightPs = random.nextInt(4) == 0 ? 0 : random.nextInt(300_000);
    int mps = MAX_PAYLOADS[random.nextInt(MAX_PAYLOADS.length)];
    long tlpPs = 1 + random.nextInt(60_000);
    PostedWriteCredits credits =
        new PostedWriteCredits(headerCredits, dataCredits, hostBitsPerSecond, returnLatencyPs);
    Walk walk = new Walk(headerCredits, dataCredits, hostBitsPerSecond, returnLatencyPs);
    long readyPs = 0;
    long busyUntilPs = 0;
    for (int i = 0; i < transfers; i++) {
      readyPs += random.nextInt(3) == 0 ? 0 : random.nextInt(2_000_000);
      long payloadBytes = random.nextInt(10) == 0 ? random.nextInt(40) : 1 + random.nextInt(9000);
      long tlps = Math.max(1, (payloadBytes + mps - 1) / mps);
      if (random.nextInt(8) == 0) {
        tlps += random.nextInt(3) - 1; // alignment cuts one more, or a caller's odd count
      }
      long startPs = walk.earliestStartPs(readyPs, tlps, payloadBytes, mps, tlpPs);
      assertEquals(
          startPs,
          credits.earliestStartPs(readyPs, tlps, payloadBytes, mps, tlpPs),
          "earliest start of transfer " + i);
      startPs = Math.max(startPs, busyUntilPs);
      long lastTlpPs = 1 + random.nextInt((int) tlpPs);
      long endPs = startPs + Math.max(0, tlps - 1) * tlpPs + lastTlpPs;
      if (random.nextInt(10) == 0) {
        endPs = startPs + random.nextInt((int) Math.min(Integer.MAX_VALUE, endPs - startPs + 1));
      }
      busyUntilPs = endPs;
      walk.sent(startPs, endPs, tlps, payloadBytes, mps, tlpPs, flightPs);
      credits.sent(startPs, endPs, tlps, payloadBytes, mps, tlpPs, flightPs);
      assertEquals(walk.drainedPs, credits.drainedPs(), "drained after transfer " + i);
      assertEquals(
          walk.maxData * PostedWriteCredits.DATA_CREDIT_BYTES,
          credits.maxDataBytesInFlight(),
          "most data in flight after transfer " + i);
      // A probe at a random later time and size reads every credit return still in the ring.
      long probeTlps = 1 + random.nextInt(Math.max(1, Math.min(headerCredits, 40)));
      long probeReadyPs = readyPs + random.nextInt(1_000_000);
      assertEquals(
          walk.earliestStartPs(probeReadyPs, probeTlps, probeTlps * mps, mps, tlpPs),
          credits.earliestStartPs(probeReadyPs, probeTlps, probeTlps * mps, mps, tlpPs),
          "probe after transfer " + i);
    }
  }

  /** The credit ring walked TLP by TLP, as PostedWriteCredits did before its shortcut. */
  private static final class Walk {
    private final int headerCredits;
    private final int dataCredits;
    private final double hostWritePsPerByte;
    private final long returnLatencyPs;
    private long[] returnPs = new long[1 << 16];
    private int[] returnedData = new int[1 << 16];
    private int head;
    private int count;
    private int headersInFlight;
    private long dataInFlight;
    private long drainedPs;
    private long maxData;

    Walk(int headerCredits, int dataCredits, long hostBitsPerSecond, long returnLatencyPs) {
      this.headerCredits = headerCredits;
      this.dataCredits = dataCredits;
      this.hostWritePsPerByte = 8e12 / hostBitsPerSecond;
      this.returnLatencyPs = returnLatencyPs;
    }

    private int at(int i) {
      return i & (returnPs.length - 1);
    }

    long earliestStartPs(
        long readyPs, long tlps, long payloadBytes, int maxPayloadBytes, long tlpPs) {
      long startPs = readyPs;
      int headers = headersInFlight;
      long data = dataInFlight;
      int index = head;
      int left = count;
      long remaining = payloadBytes;
      for (long k = 0; k < tlps; k++) {
        long tlpData = credits(Math.min(remaining, maxPayloadBytes));
        remaining -= maxPayloadBytes;
        headers++;
        data += tlpData;
        while ((headers > headerCredits || data > dataCredits) && left > 0) {
          startPs = Math.max(startPs, returnPs[index] - k * tlpPs);
          headers--;
          data -= returnedData[index];
          index = at(index + 1);
          left--;
        }
      }
      return startPs;
    }

    void sent(
        long startPs,
        long endPs,
        long tlps,
        long payloadBytes,
        int maxPayloadBytes,
        long tlpPs,
        long flightPs) {
      long remaining = payloadBytes;
      for (long k = 0; k < tlps; k++) {
        long tlpBytes = Math.min(remaining, maxPayloadBytes);
        remaining -= maxPayloadBytes;
        long tlpStartPs = Math.min(startPs + k * tlpPs, endPs);
        long tlpEndPs = k == tlps - 1 ? endPs : Math.min(tlpStartPs + tlpPs, endPs);
        while (count > 0 && returnPs[head] <= tlpStartPs) {
          headersInFlight--;
          dataInFlight -= returnedData[head];
          head = at(head + 1);
          count--;
        }
        drainedPs =
            Math.max(tlpEndPs + flightPs, drainedPs + Math.round(tlpBytes * hostWritePsPerByte));
        int tail = at(head + count);
        returnPs[tail] = drainedPs + returnLatencyPs;
        returnedData[tail] = (int) credits(tlpBytes);
        count++;
        headersInFlight++;
        dataInFlight += credits(tlpBytes);
        maxData = Math.max(maxData, dataInFlight);
      }
    }

    private static long credits(long bytes) {
      return (Math.max(bytes, 1) + PostedWriteCredits.DATA_CREDIT_BYTES - 1)
          / PostedWriteCredits.DATA_CREDIT_BYTES;
    }
  }
}
