package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No chart silently drops data: capacity-plan's latency CDF draws every client count, clients = 11
 * (the first over the target) included, and a sweep with more curves than a chart can hold says
 * under the title how many it drew.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChartsLeaveNothingOutTest {
  @TempDir Path dir;

  @Test
  void whenCapacityPlanRuns_thenItsLatencyCdfHasACurveForEveryClientCount() throws Exception {
    String svg = cdfOf(14);
    for (int clients = 1; clients <= 14; clients++) {
      assertTrue(svg.contains(">write 4KiB, clients=" + clients + "<"), "clients=" + clients);
    }
    assertFalse(text(svg).contains("drawn, spread evenly"), "nothing left out, so no note");
  }

  @Test
  void whenASweepHasMoreCurvesThanFit_thenTheChartSaysHowManyItDrew() throws Exception {
    String svg = cdfOf(20);
    assertTrue(text(svg).contains("18 of 20 curves drawn"), "the note under the title");
    assertTrue(svg.contains(">write 4KiB, clients=1<") && svg.contains(">write 4KiB, clients=20<"));
  }

  /** The words of an SVG, its lines of wrapped text joined. */
  private static String text(String svg) {
    return svg.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
  }

  /** The latency CDF's SVG of capacity-plan swept to {@code clients}, each job cut short. */
  private String cdfOf(int clients) throws Exception {
    Path out = dir.resolve("cap-" + clients);
    CommandLineRun run =
        CommandLineRun.of(
            "sweep",
            "../configs/capacity-plan.yaml",
            "--out",
            out.toString(),
            "--set",
            "run.duration=300us",
            "--set",
            "run.warmUp=50us",
            "--set",
            "run.replications=2",
            "--set",
            "sweep[0].to=" + clients);
    assertEquals(0, run.exitCode(), run.err());
    return Files.readString(out.resolve("latency-cdf.svg"));
  }
}
