package org.rnicsim.ndk.provider.hosts;

import org.rnicsim.engine.SimTime;
import org.rnicsim.model.pcie.PcieGeneration;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.DmaProfile;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.profile.PcieProfile;
import org.rnicsim.model.profile.PortProfile;

/**
 * The numbers of configs/profiles/connectx4-edr-gen3x16.yaml as a profile object, for code that
 * cannot read the YAML (the profile loader lives in experiments). Which values are calibrated
 * (P1-P5, R1) and which are assumptions is said there, line by line. experiments' ProfileLoaderTest
 * fails when the two differ.
 */
final class ProfileNumbers {
  private ProfileNumbers() {}

  static HardwareProfile connectX4Class() {
    long ns = SimTime.PS_PER_NS;
    return new HardwareProfile(
        "connectx4-edr-gen3x16",
        new HostProfile(8, 60 * ns, 30 * ns, 40 * ns),
        new PcieProfile(PcieGeneration.GEN3, 16, 256, 512, 64, false, 531 * ns, 142, 125 * ns),
        new AdapterProfile(
            new DmaProfile(4, 47.5e6, 62.5e6, 128),
            new CacheProfile(1024, 8, 256, 10 * ns, 8),
            new CacheProfile(2048, 8, 64, 10 * ns, 8),
            4096,
            20 * ns,
            135 * ns,
            6 * ns,
            135 * ns,
            6 * ns,
            20 * ns,
            64,
            64,
            220,
            8,
            16,
            256 * 1024,
            67_108_864 * ns,
            7,
            640 * SimTime.PS_PER_US,
            AdapterProfile.RNR_RETRY_FOREVER),
        new PortProfile(100_000_000_000L, 2_500, 4096, 26, 50 * ns, 50 * ns, 4));
  }
}
