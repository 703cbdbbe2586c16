package org.rnicsim.model.testbed;

import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.CacheReplacement;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.profile.ReferenceProfiles;

/**
 * Profiles for mechanism tests: the shipped ConnectX-4 profile ({@link
 * ReferenceProfiles#connectX4EdrGen3x16()}) scaled down to a small, quick machine. The calibrated
 * profiles are data files under configs/profiles and are tested in experiments.
 */
public final class TestProfiles {
  private TestProfiles() {}

  /**
   * The ConnectX-4 profile with two host cores and test-scale transport timers: a 1 ms ACK timeout
   * instead of 67 ms and a 10 us RNR delay instead of 640 us, so loss and RNR tests finish in
   * little simulated time.
   */
  public static HardwareProfile small() {
    HardwareProfile reference = ReferenceProfiles.connectX4EdrGen3x16();
    HostProfile host = reference.host();
    AdapterProfile adapter =
        reference
            .adapter()
            .withRetransmission(SimTime.PS_PER_MS, 7)
            .withRnrRetry(10 * SimTime.PS_PER_US, AdapterProfile.RNR_RETRY_FOREVER);
    return reference
        .withName("test-small")
        .withHost(
            new HostProfile(2, host.postSendCpuPs(), host.postRecvCpuPs(), host.cqPollDetectPs()))
        .withAdapter(adapter);
  }

  /** The small profile with a QP context cache of {@code entries}, fully associative. */
  public static HardwareProfile withFullyAssociativeContextCache(int entries) {
    HardwareProfile base = small();
    return base.withAdapter(
        base.adapter()
            .withQpContextCache(
                new CacheProfile(entries, entries, 256, 10_000, 2, CacheReplacement.LRU)));
  }

  /** The small profile with a short ACK timeout and few retries, for fault tests. */
  public static HardwareProfile withFastRetry(long timeoutPs, int retries) {
    HardwareProfile base = small();
    return base.withAdapter(base.adapter().withRetransmission(timeoutPs, retries));
  }
}
