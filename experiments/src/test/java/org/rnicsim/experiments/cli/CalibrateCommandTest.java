package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.calibrate.FigureTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(120)
class CalibrateCommandTest {
  private static final Path FIGURES = Path.of("../configs/calibration/figures.yaml");
  private static final String BEGIN = "<!-- calibration:begin";
  private static final String END = "<!-- calibration:end -->";

  @TempDir Path dir;

  @Test
  void whenEveryFigureRuns_thenAllPassAndTheReadmeTableIsTheReport() throws Exception {
    CommandLineRun run =
        CommandLineRun.of("calibrate", "--figures", FIGURES.toString(), "--out", dir.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    String report = Files.readString(dir.resolve("calibration.md"), StandardCharsets.UTF_8);
    List<String> rows = report.lines().filter(l -> l.startsWith("| ")).toList();
    int figures = FigureTable.read(FIGURES).figures().size();
    assertEquals(figures + 1, rows.size(), "a header and one row per figure:\n" + report);
    assertTrue(rows.stream().skip(1).allMatch(r -> r.endsWith("| pass |")), report);
    assertTrue(run.out().contains("R1  "), run.out());

    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf('\n', readme.indexOf(BEGIN)) + 1;
    String readmeTable = readme.substring(begin, readme.indexOf(END));
    String reportTable = report.substring(report.indexOf("| figure |"));
    reportTable = reportTable.substring(0, reportTable.indexOf("\n\n") + 1);
    assertEquals(
        reportTable,
        readmeTable,
        "README's calibration table is stale: paste results/calibration/calibration.md's table"
            + " between the calibration markers");
  }

  @Test
  void whenAFigureIsOutsideItsTolerance_thenExitThreeAndTheRowSaysFail() throws Exception {
    Path study = FIGURES.toAbsolutePath().getParent().resolve("p5-dma-write-rate.yaml");
    Path figures = dir.resolve("figures.yaml");
    Files.writeString(
        figures,
        "figures:\n"
            + "  - {figure: P5, source: s, conditions: c, study: '"
            + study
            + "', metric: write_dma_mops, at: 64, published: 60, unit: Mops/s, tolerance: 0.01,"
            + " use: tuned}\n");

    CommandLineRun run =
        CommandLineRun.of("calibrate", "--figures", figures.toString(), "--out", dir.toString());

    assertEquals(ExitCodes.CALIBRATION_FAILED, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("FAIL"), run.out());
    assertTrue(run.out().contains("-20.83 %"), run.out());
  }

  @Test
  void whenProfileFilterAndJson_thenOnlyThatProfilesFiguresAsJson() throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "calibrate",
            "--figures",
            FIGURES.toString(),
            "--out",
            dir.toString(),
            "--profile",
            "connectx4-edr-gen3x16",
            "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode rows = JsonMapper.builder().build().readTree(run.out());
    // R1, the latency curve's points (L1) and the throttle classes (I3) run on that profile.
    assertEquals(1 + 20 + 3, rows.size(), run.out());
    assertEquals("R1", rows.get(0).get("figure").asString());
    for (JsonNode row : rows) {
      assertEquals("connectx4-edr-gen3x16", row.get("profile").asString(), row.toString());
      assertTrue(row.get("pass").asBoolean(), row.toString());
    }
  }

  @Test
  void whenAFigureNamesNoBoundNorTolerance_thenBadInputNamingTheFigure() throws Exception {
    Path figures = dir.resolve("figures.yaml");
    Files.writeString(
        figures,
        "figures:\n"
            + "  - {figure: P9, source: s, conditions: c, study: p5-dma-write-rate.yaml,"
            + " metric: write_dma_mops, at: 64, published: 60, unit: Mops/s, use: tuned}\n");

    CommandLineRun run =
        CommandLineRun.of("calibrate", "--figures", figures.toString(), "--out", dir.toString());

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("P9 (c): needs either a tolerance or a bound"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }

  @Test
  void whenProfileHasNoFigures_thenBadInputAndNoReport() {
    CommandLineRun run =
        CommandLineRun.of(
            "calibrate",
            "--figures",
            FIGURES.toString(),
            "--out",
            dir.toString(),
            "--profile",
            "no-such-card");

    assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
    assertTrue(run.err().contains("no-such-card"), run.err());
    assertFalse(Files.exists(dir.resolve("calibration.md")));
    assertFalse(run.showsStackTrace(), run.err());
  }
}
