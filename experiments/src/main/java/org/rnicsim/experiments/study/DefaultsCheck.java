package org.rnicsim.experiments.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.jsontype.NamedType;

/**
 * Checks a defaults file the way it is used: it must parse, and a study that names nothing but a
 * workload kind must be complete and valid on it, for every kind, with the hardware profile it
 * names. So {@code rnicsim validate configs/*.yaml} checks the defaults too.
 */
public final class DefaultsCheck {
  private DefaultsCheck() {}

  /** Whether {@code file} is a defaults file by its name, rather than a study. */
  public static boolean isDefaultsFile(Path file) {
    return StudyLoader.DEFAULTS_NAME.equals(String.valueOf(file.getFileName()));
  }

  /**
   * Checks the defaults file {@code file}.
   *
   * @throws StudyRejectedException with every problem found
   */
  public static void check(Path file, String displayName, List<NamedType> workloadKinds) {
    String text = ConfigFileReader.readText(file, displayName);
    StudyLoader loader = new StudyLoader(workloadKinds, text, new ProfileCatalog(), displayName);
    List<ConfigProblem> problems = new ArrayList<>();
    for (NamedType kind : workloadKinds) {
      String study = "name: defaults-" + kind.getName() + "\nworkload:\n  kind: " + kind.getName();
      Path beside = file.resolveSibling("defaults-" + kind.getName() + ".yaml");
      try {
        loader.load(
            study,
            beside,
            "a study of only kind " + kind.getName(),
            List.of(),
            StudyLoader.Expansion.ONE_POINT);
      } catch (StudyRejectedException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new StudyRejectedException(
          problems.stream().distinct().sorted(Problems.FILE_ORDER).toList());
    }
  }
}
