package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * Posted-write flow control on the P3 link (Gen3 x8, MPS 256): the adapter never has more posted
 * payload between itself and host memory than the root port advertised, and a host that writes to
 * memory slower than the link paces the writes, while a fast one leaves the P1/P2 ceiling as it is.
 */
class PostedWriteCreditsTest {
  private static final long FLIGHT_PS = 125_000;
  private static final int WRITES = 500;
  private static final long WRITE_BYTES = 4096;

  private final RnicSimulator sim = new RnicSimulator("pcie");

  private PcieLink link(int headerCredits, int dataCredits, long hostWriteRateBitsPerSecond) {
    return new PcieLink(
        sim,
        "pcie",
        PcieLinkConfig.calibrationP3(),
        FLIGHT_PS,
        new PostedWriteCredits(headerCredits, dataCredits, hostWriteRateBitsPerSecond, FLIGHT_PS),
        new StatisticsRegistry(sim));
  }

  /** Queues every write at time 0 and returns when the last one landed in host memory. */
  private static long lastLandedPs(PcieLink link) {
    long landedPs = 0;
    for (int i = 0; i < WRITES; i++) {
      landedPs = Math.max(landedPs, link.postWrite(0, WRITE_BYTES));
    }
    return landedPs;
  }

  @Test
  void postedPayloadInFlightNeverExceedsTheAdvertisedDataCredits() {
    // 1 KiB of credits: less than the link's round trip (a TLP, then 2 x 125 ns) carries.
    PcieLink link = link(8, 64, 512_000_000_000L);
    long landedPs = lastLandedPs(link);
    long advertisedBytes = 64L * PostedWriteCredits.DATA_CREDIT_BYTES;
    long inFlight = link.postedCredits().maxDataBytesInFlight();
    assertTrue(inFlight <= advertisedBytes, inFlight + " B in flight, " + advertisedBytes + " B");
    assertTrue(inFlight > advertisedBytes - 256, "credits used: " + inFlight);
    // The window, not the link, sets the rate: at most the advertisement per round trip.
    double landedBitsPerSecond = WRITES * WRITE_BYTES * 8.0 / (landedPs / 1e12);
    double windowBitsPerSecond = advertisedBytes * 8.0 / (2 * FLIGHT_PS / 1e12);
    assertTrue(landedBitsPerSecond <= windowBitsPerSecond, landedBitsPerSecond / 1e9 + " Gb/s");
  }

  @Test
  void aHostSlowerThanTheLinkPacesThePostedWritesAtItsMemoryWriteRate() {
    long hostBitsPerSecond = 20_000_000_000L;
    long landedPs = lastLandedPs(link(63, 315, hostBitsPerSecond));
    double landedBitsPerSecond = WRITES * WRITE_BYTES * 8.0 / (landedPs / 1e12);
    assertTrue(
        landedBitsPerSecond <= hostBitsPerSecond * 1.001
            && landedBitsPerSecond > hostBitsPerSecond * 0.97,
        landedBitsPerSecond / 1e9 + " Gb/s landed");
  }

  @Test
  void ampleCreditsAndAFastHostLeaveTheDmaWriteCeilingAsItIs() {
    PcieLink link = link(127, 2047, 512_000_000_000L);
    long landedPs = lastLandedPs(link);
    long ceilingPs =
        link.deviceToHost()
                .serialisationPs(
                    WRITES * link.tlpCosts().dmaWrite(WRITE_BYTES).deviceToHostWireBytes())
            + FLIGHT_PS;
    assertEquals(ceilingPs, landedPs, 1_000 * (long) WRITES);
  }
}
