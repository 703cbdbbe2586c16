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
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.experiments.study.StudyRejectedException;
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

  @TempDir Path dir;

  private static String cx4Text() throws IOException {
    return Files.readString(profilesDirectory().resolve("connectx4-edr-gen3x16.yaml"));
  }

  /** The profile in {@code text}, written to {@code cx4.yaml} and loaded as bench does. */
  private HardwareProfile parse(String text) throws IOException {
    return ProfileCatalog.loadFile(Files.writeString(dir.resolve("cx4.yaml"), text));
  }

  /** What loading {@code text} reports, as a user sees it. */
  private String refusal(String text) {
    StudyRejectedException e = assertThrows(StudyRejectedException.class, () -> parse(text));
    return e.problems().stream().map(p -> p.render()).reduce("", (a, b) -> a + b + "\n");
  }

  /**
   * rnic-model and ndk-api cannot read YAML, so ReferenceProfiles carries the ConnectX-4 file's
   * numbers as Java (NdkHosts builds its hosts from it); the copy must stay the file exactly, or
   * NDK runs, benches and studies would silently model different adapters.
   */
  @Test
  void theJavaReferenceConnectX4ProfileIsTheFile() {
    HardwareProfile file =
        ProfileCatalog.loadFile(profilesDirectory().resolve("connectx4-edr-gen3x16.yaml"));
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
      HardwareProfile profile = ProfileCatalog.loadFile(file);
      assertEquals(file.getFileName().toString().replace(".yaml", ""), profile.name());
    }
  }

  @Test
  void valuesAreReadWithTheirUnits() throws IOException {
    HardwareProfile profile = parse(cx4Text());
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
    String message = refusal(text);
    assertTrue(
        message.startsWith(dir.resolve("cx4.yaml") + ":28:3: unknown key 'pcie.lane' (known: "),
        message);
    assertTrue(message.contains("lanes"), message);
  }

  @Test
  void aValueWithTheWrongUnitIsRefusedWithItsPath() throws IOException {
    String text = cx4Text().replace("flightLatency: 125ns", "flightLatency: 125GB");
    String message = refusal(text);
    assertTrue(message.contains(":34:18: bad value at 'pcie.flightLatency'"), message);
    assertTrue(message.contains("125GB"), message);
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    String text = cx4Text().replaceAll("(?m)^  cqePollDetect.*$|^  cqPollDetect.*$", "");
    String message = refusal(text);
    assertTrue(message.contains("missing key 'host.cqPollDetect'"), message);
  }

  @Test
  void aModelRangeCheckIsReportedAgainstTheFile() throws IOException {
    String text = cx4Text().replace("mtu: 4KiB", "mtu: 3000B");
    String message = refusal(text);
    assertTrue(message.contains("'port' is not possible"), message);
    assertTrue(message.contains("power of two"), message);
  }

  @Test
  void keysAreComponentNamesWithoutTheirUnitSuffix() {
    assertEquals("flightLatency", ProfileKeys.keyOf("flightLatencyPs"));
    assertEquals("readCompleterLatencyPerByte", ProfileKeys.keyOf("readCompleterLatencyPsPerByte"));
    assertEquals("rate", ProfileKeys.keyOf("rateBitsPerSecond"));
    assertEquals("mtu", ProfileKeys.keyOf("mtuBytes"));
    assertEquals("lanes", ProfileKeys.keyOf("lanes"));
  }
}
