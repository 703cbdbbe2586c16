package org.rnicsim.experiments.calibration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * The ConnectX-4 latency curve from 32 B to 32 KiB against published ib_send_lat medians
 * (configs/calibration/latency-connectx4-edr-gen3x16.csv, docs/calibration-latency.md): the points
 * the DMA-read path was tuned to and, separately, the held-out points it never saw. Each curve (set
 * and MTU) must stay within a mean error of 5 % and a worst point of 15 %.
 */
class LatencyCurveTest {
  private static final String PROFILE = "connectx4-edr-gen3x16";
  private static final double MEAN_TOLERANCE = 0.05;
  private static final double WORST_TOLERANCE = 0.15;

  private record Point(String set, long mtuBytes, long sizeBytes, double publishedUs) {}

  private static List<Point> points() throws IOException {
    Path csv =
        CalibrationProfiles.directory()
            .getParent()
            .resolve("calibration")
            .resolve("latency-" + PROFILE + ".csv");
    List<Point> points = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.startsWith("#") || line.startsWith("set,") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      points.add(
          new Point(f[0], Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5])));
    }
    return points;
  }

  private static HardwareProfile withMtu(long mtuBytes) throws IOException {
    Path file = CalibrationProfiles.directory().resolve(PROFILE + ".yaml");
    String yaml = Files.readString(file).replace("mtu: 4KiB", "mtu: " + mtuBytes + "B");
    // The profile binder reads files: the edited copy goes to a temporary file of its own.
    Path edited = Files.createTempFile("profile-", ".yaml");
    edited.toFile().deleteOnExit();
    return ProfileCatalog.loadFile(Files.writeString(edited, yaml));
  }

  /** Per curve: relative errors of the model against the published points. */
  private static Map<String, List<Double>> errorsOf(String set) throws IOException {
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    Map<Long, HardwareProfile> profiles = new LinkedHashMap<>();
    for (Point point : points()) {
      if (!point.set().equals(set)) {
        continue;
      }
      HardwareProfile profile = profiles.get(point.mtuBytes());
      if (profile == null) {
        profile = withMtu(point.mtuBytes());
        profiles.put(point.mtuBytes(), profile);
      }
      double modelUs = R1SendLatencyTest.oneWayPs(profile, point.sizeBytes()) / 1e6;
      double error = (modelUs - point.publishedUs()) / point.publishedUs();
      curves.computeIfAbsent(set + " MTU " + point.mtuBytes(), k -> new ArrayList<>()).add(error);
    }
    return curves;
  }

  private static void assertWithinTolerance(Map<String, List<Double>> curves) {
    assertFalse(curves.isEmpty(), "no published points");
    for (Map.Entry<String, List<Double>> curve : curves.entrySet()) {
      double mean = curve.getValue().stream().mapToDouble(Math::abs).average().orElseThrow();
      double worst = curve.getValue().stream().mapToDouble(Math::abs).max().orElseThrow();
      String where = curve.getKey() + ": errors " + curve.getValue();
      assertTrue(mean <= MEAN_TOLERANCE, where + ", mean " + mean);
      assertTrue(worst <= WORST_TOLERANCE, where + ", worst " + worst);
    }
  }

  @Test
  void theTunedCurveIsWithinFivePercentOnAverageAndFifteenAtWorst() throws IOException {
    assertWithinTolerance(errorsOf("tuned"));
  }

  @Test
  void theHeldOutCurvesAtOtherMtusAreWithinTheSameTolerances() throws IOException {
    Map<String, List<Double>> curves = errorsOf("held-out");
    assertTrue(curves.size() >= 4, "held-out curves: " + curves.keySet());
    assertWithinTolerance(curves);
  }
}
