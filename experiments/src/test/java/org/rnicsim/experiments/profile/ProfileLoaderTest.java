package org.rnicsim.experiments.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnicsim.model.pcie.PcieGeneration;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.ReferenceProfiles;

class ProfileLoaderTest {

  private static Path profilesDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("configs/profiles"))) {
      dir = dir.getParent();
    }
    return dir.resolve("configs/profiles");
  }

  private static String cx4Text() throws IOException {
    return Files.readString(profilesDirectory().resolve("connectx4-edr-gen3x16.yaml"));
  }

  /**
   * rnic-model and ndk-api cannot read YAML, so ReferenceProfiles carries the ConnectX-4 file's
   * numbers as Java (NdkHosts builds its hosts from it); the copy must stay the file exactly, or
   * NDK runs, benches and studies would silently model different adapters.
   */
  @Test
  void theJavaReferenceConnectX4ProfileIsTheFile() {
    HardwareProfile file =
        ProfileLoader.load(profilesDirectory().resolve("connectx4-edr-gen3x16.yaml"));
    assertEquals(file, ReferenceProfiles.connectX4EdrGen3x16());
  }

  @Test
  void everyShippedProfileLoads() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(profilesDirectory())) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 1);
    for (Path file : files) {
      HardwareProfile profile = ProfileLoader.load(file);
      assertEquals(file.getFileName().toString().replace(".yaml", ""), profile.name());
    }
  }

  @Test
  void valuesAreReadWithTheirUnits() throws IOException {
    HardwareProfile profile = ProfileLoader.parse(cx4Text(), "cx4");
    assertEquals(PcieGeneration.GEN3, profile.pcie().generation());
    assertEquals(125_000, profile.pcie().flightLatencyPs());
    assertEquals(142, profile.pcie().readCompleterLatencyPsPerByte());
    assertEquals(4096, profile.port().mtuBytes());
    assertEquals(100_000_000_000L, profile.port().rateBitsPerSecond());
    assertEquals(47.5e6, profile.adapter().dma().writesPerSecondPerEngine());
  }

  @Test
  void anUnknownKeyIsAnErrorThatNamesTheLineAndTheKnownKeys() throws IOException {
    String text = cx4Text().replace("  lanes: 16", "  lanes: 16\n  lane: 8");
    ProfileException e =
        assertThrows(ProfileException.class, () -> ProfileLoader.parse(text, "cx4.yaml"));
    assertTrue(e.getMessage().startsWith("cx4.yaml:"), e.getMessage());
    assertTrue(e.getMessage().contains("pcie.lane: unknown key"), e.getMessage());
    assertTrue(e.getMessage().contains("lanes"), e.getMessage());
  }

  @Test
  void aValueWithTheWrongUnitIsRefusedWithItsPath() throws IOException {
    String text = cx4Text().replace("flightLatency: 125ns", "flightLatency: 125GB");
    ProfileException e =
        assertThrows(ProfileException.class, () -> ProfileLoader.parse(text, "cx4.yaml"));
    assertTrue(e.getMessage().contains("pcie.flightLatency"), e.getMessage());
    assertTrue(e.getMessage().contains("125GB"), e.getMessage());
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    String text = cx4Text().replaceAll("(?m)^  cqePollDetect.*$|^  cqPollDetect.*$", "");
    ProfileException e =
        assertThrows(ProfileException.class, () -> ProfileLoader.parse(text, "cx4.yaml"));
    assertTrue(e.getMessage().contains("host.cqPollDetect: missing"), e.getMessage());
  }

  @Test
  void aModelRangeCheckIsReportedAgainstTheFile() throws IOException {
    String text = cx4Text().replace("mtu: 4KiB", "mtu: 3000B");
    ProfileException e =
        assertThrows(ProfileException.class, () -> ProfileLoader.parse(text, "cx4.yaml"));
    assertTrue(e.getMessage().contains("port"), e.getMessage());
    assertTrue(e.getMessage().contains("power of two"), e.getMessage());
  }

  @Test
  void keysAreComponentNamesWithoutTheirUnitSuffix() {
    assertEquals("flightLatency", ProfileLoader.keyOf("flightLatencyPs"));
    assertEquals(
        "readCompleterLatencyPerByte", ProfileLoader.keyOf("readCompleterLatencyPsPerByte"));
    assertEquals("rate", ProfileLoader.keyOf("rateBitsPerSecond"));
    assertEquals("mtu", ProfileLoader.keyOf("mtuBytes"));
    assertEquals("lanes", ProfileLoader.keyOf("lanes"));
  }
}
