package org.rnicsim.model.profile;

import org.rnicsim.engine.SimTime;
import org.rnicsim.model.pcie.DmaEngineConfig;
import org.rnicsim.model.pcie.PcieGeneration;
import org.rnicsim.model.pcie.PcieLinkConfig;

/**
 * Shipped hardware profiles as Java objects, for code that cannot read YAML (the profile loader
 * lives in experiments; rnic-model and ndk-api only see records). Each method returns exactly the
 * numbers of one file under {@code configs/profiles/}; that file is the source, and it says line by
 * line which values are calibrated (P1-P5, R1 in calibration.md) and which are assumptions. Nothing
 * here adds or changes a number: edit the file first, then this copy. experiments' {@code
 * ProfileLoaderTest} fails while the two differ.
 */
public final class ReferenceProfiles {
  private ReferenceProfiles() {}

  /**
   * {@code configs/profiles/connectx4-edr-gen3x16.yaml}: ConnectX-4 EDR 100 Gb/s InfiniBand on PCIe
   * Gen3 x16, tuned to calibration R1. Its RNR retry count is 7, retry forever (IB spec).
   */
  public static HardwareProfile connectX4EdrGen3x16() {
    long ns = SimTime.PS_PER_NS;
    long us = SimTime.PS_PER_US;
    return new HardwareProfile(
        "connectx4-edr-gen3x16",
        new HostProfile(8, 60 * ns, 30 * ns, 40 * ns),
        new PcieProfile(
            PcieGeneration.GEN3,
            16,
            256,
            512,
            64,
            false,
            PcieLinkConfig.P4_COMPLETER_LATENCY_AT_64_BYTES_PS,
            PcieLinkConfig.P4_COMPLETER_LATENCY_PS_PER_BYTE,
            125 * ns,
            126,
            630,
            512_000_000_000L),
        new AdapterProfile(
            new DmaProfile(
                4, DmaEngineConfig.P5_WRITES_PER_SECOND, DmaEngineConfig.P5_READS_PER_SECOND, 128),
            new CacheProfile(1024, 8, 256, 10 * ns, 8, CacheReplacement.LRU),
            new CacheProfile(2048, 8, 64, 10 * ns, 8, CacheReplacement.LRU),
            new CacheProfile(1024, 8, 64, 10 * ns, 8, CacheReplacement.LRU),
            new CacheProfile(4096, 8, 64, 10 * ns, 8, CacheReplacement.LRU),
            new CacheProfile(1024, 8, 256, 10 * ns, 8, CacheReplacement.LRU),
            false,
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
        new PortProfile(100_000_000_000L, 2_500, 4096, 26, 50 * ns, 50 * ns, 4),
        AdapterLimits.mlx5Class(), // the file's limits section holds exactly these
        new FirmwareProfile(
            5 * us,
            5 * us,
            30 * us,
            30 * us,
            5 * us,
            20 * us,
            50 * us,
            20 * us,
            10 * us,
            40 * us,
            40 * us,
            10 * us,
            30 * us,
            20 * us,
            100 * ns,
            15 * us,
            10 * us,
            1,
            60 * SimTime.PS_PER_S),
        CongestionControlProfile.paperDcqcn(CongestionControlMode.NONE));
  }
}
