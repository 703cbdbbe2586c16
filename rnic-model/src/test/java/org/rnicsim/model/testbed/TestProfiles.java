package org.rnicsim.model.testbed;

import org.rnicsim.engine.SimTime;
import org.rnicsim.model.pcie.PcieGeneration;
import org.rnicsim.model.pcie.PcieLinkConfig;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.DmaProfile;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.profile.PcieProfile;
import org.rnicsim.model.profile.PortProfile;

/**
 * Hand-built profiles for mechanism tests: a ConnectX-4-like machine with round numbers. The
 * calibrated profiles are data files under configs/profiles and are tested in experiments.
 */
public final class TestProfiles {
  private TestProfiles() {}

  public static HardwareProfile small() {
    return new HardwareProfile(
        "test-small",
        new HostProfile(2, 60_000, 30_000, 40_000),
        new PcieProfile(
            PcieGeneration.GEN3,
            16,
            256,
            512,
            64,
            false,
            PcieLinkConfig.P4_COMPLETER_LATENCY_AT_64_BYTES_PS,
            PcieLinkConfig.P4_COMPLETER_LATENCY_PS_PER_BYTE,
            125_000),
        new AdapterProfile(
            new DmaProfile(4, 47.5e6, 62.5e6, 128),
            new CacheProfile(1024, 8, 256, 10_000, 8),
            new CacheProfile(2048, 8, 64, 10_000, 8),
            4096,
            20_000,
            135_000,
            6_000,
            135_000,
            6_000,
            20_000,
            64,
            64,
            220,
            8,
            16,
            256 * 1024,
            SimTime.PS_PER_MS,
            7,
            10 * SimTime.PS_PER_US,
            AdapterProfile.RNR_RETRY_FOREVER),
        new PortProfile(100_000_000_000L, 2_500, 4096, 26, 50_000, 50_000, 4));
  }

  /** The small profile with a QP context cache of {@code entries}, fully associative. */
  public static HardwareProfile withFullyAssociativeContextCache(int entries) {
    HardwareProfile base = small();
    return base.withAdapter(
        base.adapter().withQpContextCache(new CacheProfile(entries, entries, 256, 10_000, 2)));
  }

  /** The small profile with a short ACK timeout and few retries, for fault tests. */
  public static HardwareProfile withFastRetry(long timeoutPs, int retries) {
    HardwareProfile base = small();
    return base.withAdapter(base.adapter().withRetransmission(timeoutPs, retries));
  }
}
