package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.ChartChoice;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyLoader;

/**
 * A study's {@code charts} key chooses what the report draws: each chart the report draws by
 * default can be drawn alone by its name, {@code none} draws nothing, and the tables and results do
 * not change with it. The expected charts come from what a run with the default writes.
 */
class ChartsKeyTest {
  /** An open-loop sweep: it draws the RDMA charts, the p99 against its target and metric charts. */
  private static final String STUDY = RdmaRerunTest.RANDOM_STUDY;

  @TempDir static Path dir;

  private static Path study;

  /** The folder of a run with the defaults: {@code charts: all}. */
  private static Path everything;

  @BeforeAll
  static void runWithEveryChart() throws IOException {
    study = Files.writeString(dir.resolve("rerun.yaml"), STUDY);
    everything = dir.resolve("all");
    CommandLineRun run =
        CommandLineRun.of("sweep", study.toString(), "--out", everything.toString());
    assertEquals(0, run.exitCode(), run.err());
  }

  @Test
  void whenAStudyNamesOneChart_thenOnlyThatChartIsDrawnAndTheReportShowsOnlyIt() throws Exception {
    Study loaded =
        new StudyLoader(WorkloadKinds.all())
            .load(study, study.toString(), List.of(), StudyLoader.Expansion.SWEEP);
    List<String> names = ChartChoice.offeredBy(loaded.points().get(0).plan().workload());
    long jobs = loaded.jobCount();
    Path chosen = dir.resolve("chosen");
    // The jobs are the same whatever is drawn: the first run computes them, the others reuse them.
    assertEquals(
        0, CommandLineRun.of("sweep", study.toString(), "--out", chosen.toString()).exitCode());
    Map<String, String> drawnBy = new HashMap<>();

    for (String name : names) {
      CommandLineRun run =
          CommandLineRun.of(
              "sweep",
              study.toString(),
              "--out",
              chosen.toString(),
              "--set",
              "charts=[" + name + "]");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("resumed: " + jobs + " of " + jobs + " jobs"), run.out());
      Set<String> charts = charts(chosen);
      assertTrue(charts.size() <= 1, name + " drew " + charts);
      assertEquals(charts.size(), figures(chosen), name + ": figures in report.html");
      for (String chart : charts) {
        assertTrue(chart.equals(name) || chart.startsWith(stemOf(name)), name + " drew " + chart);
        assertTrue(html(chosen).contains(chart + ".png"), chart);
        assertNull(drawnBy.put(chart, name), chart + " is drawn by two names");
      }
      assertSameTables(chosen);
    }
    assertEquals(charts(everything), drawnBy.keySet(), "every chart drawn by default has a name");
  }

  @Test
  void whenAStudyDrawsNoCharts_thenNoChartFileIsWrittenButEveryTableIs() throws Exception {
    for (String none : List.of("none", "[]")) {
      Path file = Files.writeString(dir.resolve("none.yaml"), STUDY + "charts: " + none + "\n");
      Path out = dir.resolve("none-" + none.length());

      CommandLineRun run = CommandLineRun.of("sweep", file.toString(), "--out", out.toString());

      assertEquals(0, run.exitCode(), run.err());
      assertFalse(charts(everything).isEmpty(), "the default draws charts");
      assertEquals(Set.of(), charts(out), none);
      assertEquals(0, figures(out), none);
      assertFalse(html(out).contains("<h2>Charts</h2>"), none);
      assertSameTables(out);
    }
  }

  @Test
  void whenAChartNameIsWrong_thenValidateAndSweepRefuseItListingTheStudysCharts() throws Exception {
    Study loaded =
        new StudyLoader(WorkloadKinds.all())
            .load(study, study.toString(), List.of(), StudyLoader.Expansion.SWEEP);
    String offered =
        String.join(", ", ChartChoice.offeredBy(loaded.points().get(0).plan().workload()));
    // lifetimes is an ndk-script chart; open-loop studies have none of that name.
    for (String wrong : List.of("lifetimes", "latency-histogram")) {
      Path file =
          Files.writeString(
              dir.resolve("wrong.yaml"), STUDY + "charts: [latency-cdf, " + wrong + "]\n");
      Path out = dir.resolve("wrong");
      int line = (int) STUDY.lines().count() + 1;

      for (CommandLineRun run :
          List.of(
              CommandLineRun.of("validate", file.toString()),
              CommandLineRun.of("sweep", file.toString(), "--out", out.toString()))) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(
            run.err()
                .contains(
                    file
                        + ":"
                        + line
                        + ":23: 'charts[1]': open-loop studies draw no chart '"
                        + wrong
                        + "'; this study's charts are: "
                        + offered),
            run.err());
        assertFalse(run.showsStackTrace(), run.err());
      }
      assertFalse(Files.exists(out), "a refused study leaves no folder");
    }
  }

  /** The file name a chart's name begins: a generic chart's file adds {@code -vs-<x axis>}. */
  private static String stemOf(String name) {
    Matcher target = Pattern.compile("(.*-vs-)sweep").matcher(name);
    return target.matches() ? target.group(1) : name + "-vs-";
  }

  /** The charts in {@code folder}, by file name without extension; each must have PNG and SVG. */
  private static Set<String> charts(Path folder) throws IOException {
    Set<String> png = new TreeSet<>();
    Set<String> svg = new TreeSet<>();
    for (Path file : list(folder)) {
      String name = file.getFileName().toString();
      if (name.endsWith(".png")) {
        png.add(name.substring(0, name.length() - 4));
      } else if (name.endsWith(".svg")) {
        svg.add(name.substring(0, name.length() - 4));
      }
    }
    assertEquals(png, svg, "every chart as PNG and SVG");
    return png;
  }

  /** Every file but the charts is the same as with every chart: the tables do not depend on it. */
  private static void assertSameTables(Path folder) throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path file : list(everything)) {
      String name = file.getFileName().toString();
      if (!name.endsWith(".png") && !name.endsWith(".svg")) {
        expected.add(name);
      }
      if (name.endsWith(".csv")) {
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(folder.resolve(name)), name);
      }
    }
    List<String> actual = new ArrayList<>();
    for (Path file : list(folder)) {
      String name = file.getFileName().toString();
      if (!name.endsWith(".png") && !name.endsWith(".svg")) {
        actual.add(name);
      }
    }
    assertEquals(expected, actual, folder.toString());
    assertTrue(
        expected.contains("summary.json") && expected.contains("report.html"), expected + "");
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  private static String html(Path folder) throws IOException {
    return Files.readString(folder.resolve("report.html"));
  }

  private static int figures(Path folder) throws IOException {
    return html(folder).split("<figure>", -1).length - 1;
  }
}
