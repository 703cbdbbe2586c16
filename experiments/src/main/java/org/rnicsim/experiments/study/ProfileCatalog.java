package org.rnicsim.experiments.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Finds a hardware profile by name: first in a {@code profiles/} folder beside the study file (so
 * {@code configs/*.yaml} use {@code configs/profiles/}, and a user can keep edited copies with
 * their studies), then among the profiles built into rnicsim, which are copies of {@code
 * configs/profiles/} made when the jar is built. Each file is read once per loader.
 */
public final class ProfileCatalog implements ProfileLayers {
  /** The profiles the jar carries: the files of {@code configs/profiles/} (a test keeps it so). */
  public static final List<String> BUILT_IN =
      List.of(
          "connect-ib-class",
          "connectx3-class",
          "connectx4-edr-gen3x16",
          "connectx6-gen4x16",
          "gen3x8-dma-test-card");

  static final String RESOURCE_FOLDER = "/org/rnicsim/experiments/config/profiles/";
  static final String FOLDER = "profiles";

  private final ConfigFileReader reader;
  private final Map<String, ConfigLayer> read = new HashMap<>();

  public ProfileCatalog() {
    StudyMappers mappers = new StudyMappers(List.of());
    this.reader = new ConfigFileReader(mappers, new BindingErrors(List.of()));
  }

  /**
   * The profile in {@code file} on its own, bound as a study's hardware section is.
   *
   * @throws StudyRejectedException with every problem, located in the file
   */
  public static HardwareProfile loadFile(Path file) {
    return HardwareBinding.load(file, file.toString());
  }

  @Override
  public ConfigLayer layerFor(
      Path studyFile,
      String studyDisplayName,
      String name,
      Origin at,
      Collection<ConfigProblem> problems) {
    Path folder = studyFile.toAbsolutePath().getParent().resolve(FOLDER);
    Path beside = folder.resolve(name + ".yaml");
    try {
      if (Files.isRegularFile(beside)) {
        String display =
            Path.of(studyDisplayName).resolveSibling(FOLDER).resolve(name + ".yaml").toString();
        return read(name, display, () -> ConfigFileReader.readText(beside, display));
      }
      if (BUILT_IN.contains(name)) {
        return read(name, "built-in profile " + name + ".yaml", () -> builtIn(name));
      }
    } catch (StudyRejectedException e) {
      problems.addAll(e.problems());
      return null;
    }
    problems.add(
        at.problem(
            "hardware.profile",
            "unknown hardware profile '"
                + name
                + "' (known: "
                + String.join(", ", known(folder))
                + ")"));
    return null;
  }

  private ConfigLayer read(String name, String display, TextSource text) {
    ConfigLayer layer = read.get(display);
    if (layer == null) {
      ConfigLayer parsed = reader.parse(text.read(), Path.of(name + ".yaml"), display);
      // The study names the profile in hardware.profile; the file's own name key is not a value.
      parsed.tree().remove("name");
      layer = parsed;
      read.put(display, layer);
    }
    return layer;
  }

  @FunctionalInterface
  private interface TextSource {
    String read();
  }

  private static String builtIn(String name) {
    try (InputStream in =
        ProfileCatalog.class.getResourceAsStream(RESOURCE_FOLDER + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the built-in profile " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> known(Path folder) {
    TreeSet<String> names = new TreeSet<>(BUILT_IN);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .map(file -> file.getFileName().toString())
            .filter(file -> file.endsWith(".yaml"))
            .forEach(file -> names.add(file.substring(0, file.length() - ".yaml".length())));
      } catch (IOException e) {
        // The built-in names still help.
      }
    }
    return List.copyOf(names);
  }
}
