package org.rnicsim.experiments.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.model.profile.HardwareProfile;

/** The profiles under configs/profiles, found from wherever the tests run inside the checkout. */
final class CalibrationProfiles {
  private CalibrationProfiles() {}

  static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("configs").resolve("profiles");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no configs/profiles above " + Path.of("").toAbsolutePath());
  }

  static HardwareProfile named(String name) {
    return ProfileCatalog.loadFile(directory().resolve(name + ".yaml"));
  }
}
