package org.rnicsim.experiments.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rnicsim.experiments.rdma.RdmaMetrics;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyPlan;
import org.rnicsim.model.pcie.PcieThroughputModel;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * No operation, size, profile, slot or port rate delivers more goodput than the wire can carry or
 * than PCIe can move: the sender's DMA reads, the receiver's DMA writes (calibration P1, P2). The
 * receiver acknowledges only what its writes committed to PCIe, and a full receive buffer pauses
 * the sender, so a slot slower than the port caps the goodput at the slot's ceiling.
 */
class GoodputCeilingPropertyTest {
  /** The payload read unit and MTU of both profiles: no transfer is larger. */
  private static final long LARGEST_TRANSFER_BYTES = 4096;

  private static final double SLACK = 1.002;

  private static Path dir;

  @BeforeContainer
  static void createDirectory() throws Exception {
    dir = Files.createTempDirectory("goodput-ceiling");
  }

  @AfterContainer
  static void deleteDirectory() throws Exception {
    try (var files = Files.walk(dir)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Provide
  Arbitrary<String> operations() {
    return Arbitraries.of("write", "send", "read");
  }

  @Provide
  Arbitrary<Long> sizes() {
    return Arbitraries.of(256L, 1500L, 4096L, 65536L);
  }

  @Provide
  Arbitrary<String> profiles() {
    return Arbitraries.of("connectx4-edr-gen3x16", "connectx6-gen4x16");
  }

  @Provide
  Arbitrary<Integer> lanes() {
    return Arbitraries.of(8, 16);
  }

  @Provide
  Arbitrary<String> portRates() {
    return Arbitraries.of("profile", "400Gbps");
  }

  /** The case issue 12 found: 64 KiB WRITEs with the port faster than the slot. */
  @Example
  void largeWritesThroughAFastPortStopAtTheReceiversDmaWriteCeiling() throws Exception {
    goodputNeverBeatsTheWireOrThePcieCeiling("write", 65536, "connectx6-gen4x16", 8, "400Gbps");
    goodputNeverBeatsTheWireOrThePcieCeiling("write", 65536, "connectx6-gen4x16", 16, "400Gbps");
  }

  @Property(tries = 12, seed = "12")
  void goodputNeverBeatsTheWireOrThePcieCeiling(
      @ForAll("operations") String operation,
      @ForAll("sizes") long sizeBytes,
      @ForAll("profiles") String profileName,
      @ForAll("lanes") int lanes,
      @ForAll("portRates") String portRate)
      throws Exception {
    double goodputBitsPerSecond =
        goodputBitsPerSecond(operation, sizeBytes, profileName, lanes, portRate);

    HardwareProfile profile = profile(profileName, lanes, portRate);
    long transferBytes = Math.min(sizeBytes, LARGEST_TRANSFER_BYTES);
    PcieThroughputModel pcie = new PcieThroughputModel(profile.pcie().linkConfig());
    double pcieCeiling =
        Math.min(
            pcie.dmaReadBitsPerSecond(transferBytes), pcie.dmaWriteBitsPerSecond(transferBytes));
    long mtuBytes = profile.port().mtuBytes();
    long packets = (sizeBytes + mtuBytes - 1) / mtuBytes;
    double wireCeiling =
        profile.port().rateBitsPerSecond()
            * sizeBytes
            / (double) (sizeBytes + packets * profile.port().packetHeaderBytes());
    double ceiling = Math.min(pcieCeiling, wireCeiling);
    assertTrue(
        goodputBitsPerSecond <= ceiling * SLACK,
        String.format(
            "%s %d B on %s x%d, port %s: goodput %.3f Gb/s above the ceiling %.3f Gb/s"
                + " (wire %.3f, PCIe %.3f)",
            operation,
            sizeBytes,
            profileName,
            lanes,
            portRate,
            goodputBitsPerSecond / 1e9,
            ceiling / 1e9,
            wireCeiling / 1e9,
            pcieCeiling / 1e9));
  }

  /** Goodput of one bandwidth run, in bits per second. */
  private static double goodputBitsPerSecond(
      String operation, long sizeBytes, String profileName, int lanes, String portRate)
      throws Exception {
    String rateKey = portRate.equals("profile") ? "" : ", port: {rate: " + portRate + "}";
    String study =
        "name: ceiling\nhardware: {profile: "
            + profileName
            + ", pcie: {lanes: "
            + lanes
            + "}"
            + rateKey
            + "}\nrun: {replications: 1}\nworkload: {kind: bandwidth, operations: ["
            + operation
            + "], sizes: ["
            + sizeBytes
            + "B], iterations: 1500, warmUpIterations: 300}\n";
    Path file = Files.writeString(dir.resolve("ceiling.yaml"), study);
    StudyPlan plan =
        new StudyLoader(WorkloadKinds.all())
            .load(file, "ceiling.yaml", List.of(), StudyLoader.Expansion.ONE_POINT)
            .points()
            .get(0)
            .plan();
    Measurement measurement = plan.workload().measure(plan.run(), 0, 0);
    int index =
        plan.workload().metrics().stream().map(m -> m.id()).toList().indexOf(RdmaMetrics.BW);
    return measurement.values().get(index) * 1e9;
  }

  /**
   * Issue 12's anomaly: raising a ConnectX-6's port rate lowered its 1500 B WRITE goodput (134.8 to
   * 127.8 Gb/s), because one WQE fetch batch in flight per QP made the fetch latency, which grows
   * with payload in flight, set the message rate. SEND had the same flaw on the receive side: one
   * receive-WQE fetch in flight per QP, its latency growing with the payload placed ahead of it on
   * PCIe (4 KiB SEND 198.7 -> 159.8 Gb/s at a 400 Gb/s port). A faster port may leave goodput where
   * it is (another limit binds), never lower it.
   */
  @Example
  void aFasterPortNeverLowersWriteOrSendGoodput() throws Exception {
    for (String operation : List.of("write", "send")) {
      for (long sizeBytes : List.of(1500L, 4096L)) {
        double atProfileRate =
            goodputBitsPerSecond(operation, sizeBytes, "connectx6-gen4x16", 16, "profile");
        double at400Gbps =
            goodputBitsPerSecond(operation, sizeBytes, "connectx6-gen4x16", 16, "400Gbps");
        assertTrue(
            at400Gbps >= atProfileRate * 0.995,
            String.format(
                "%s %d B: %.3f Gb/s at the profile's port rate, %.3f at 400 Gb/s",
                operation, sizeBytes, atProfileRate / 1e9, at400Gbps / 1e9));
      }
    }
  }

  private static HardwareProfile profile(String name, int lanes, String portRate) throws Exception {
    Path file = CalibrationProfiles.directory().resolve(name + ".yaml");
    String yaml = Files.readString(file).replace("lanes: 16", "lanes: " + lanes);
    if (!portRate.equals("profile")) {
      yaml = yaml.replaceFirst("\n  rate: [0-9]+Gbps", "\n  rate: " + portRate);
    }
    // The profile binder reads files: the edited copy goes to a temporary file of its own.
    Path edited = Files.createTempFile("profile-", ".yaml");
    edited.toFile().deleteOnExit();
    return ProfileCatalog.loadFile(Files.writeString(edited, yaml));
  }
}
