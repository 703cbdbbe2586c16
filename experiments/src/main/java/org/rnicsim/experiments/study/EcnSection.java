package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Locale;
import org.rnicsim.model.fabric.EcnMarking;

/**
 * ECN marking of the switch's output queues, as written under {@code topology.ecn}: RED on the
 * instantaneous queue (docs/calibration-dcqcn.md). Only a switch reads it.
 *
 * @param marking {@code red} or {@code off}
 * @param kmin queue size up to which nothing is marked
 * @param kmax queue size from which everything is marked
 * @param pmax the marking probability just below kmax, 0 to 1
 */
public record EcnSection(
    @JsonPropertyDescription("red: RED marking on each switch output queue | off") String marking,
    @JsonPropertyDescription("queue size up to which no packet is marked, with a unit: 5KB")
        String kmin,
    @JsonPropertyDescription("queue size from which every packet is marked, with a unit: 200KB")
        String kmax,
    @JsonPropertyDescription("marking probability just below kmax, 0 to 1: 0.01") Double pmax) {

  static final String RED = "red";
  static final String OFF = "off";

  /** The marking, or null after reporting every problem under {@code path}. */
  EcnMarking validate(Problems problems, String path) {
    int before = problems.count();
    String markingPath = path + ".marking";
    String mode = problems.require(marking, markingPath);
    if (mode != null && !RED.equals(mode) && !OFF.equals(mode)) {
      problems.report(markingPath, "'" + markingPath + "' must be red or off (got '" + mode + "')");
    }
    Long kminBytes = problems.bytes(kmin, path + ".kmin");
    Long kmaxBytes = problems.bytes(kmax, path + ".kmax");
    if (problems.require(pmax, path + ".pmax") != null) {
      problems.check(pmax >= 0 && pmax <= 1, path + ".pmax", "be between 0 and 1", pmax);
    }
    if (kminBytes != null && kmaxBytes != null) {
      problems.check(
          kminBytes <= kmaxBytes,
          path + ".kmax",
          String.format(Locale.ROOT, "not be below '%s.kmin' (%s)", path, kmin),
          kmax);
    }
    if (problems.count() > before) {
      return null;
    }
    return OFF.equals(mode) ? EcnMarking.OFF : new EcnMarking(kminBytes, kmaxBytes, pmax);
  }
}
