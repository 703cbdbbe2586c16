package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunCommandTest {
  static final String TINY_STUDY =
      String.join(
          "\n",
          "name: tiny",
          "run:",
          "  seed: 7",
          "  replications: 3",
          "  warmUp: 100us",
          "  duration: 2ms",
          "workload:",
          "  kind: mm1",
          "  meanServiceTime: 1us",
          "  loads: [0.3, 0.6]",
          "");

  static final List<String> RESULT_FILES =
      List.of(
          "summary.json",
          "results.csv",
          "mean-wait-ns-vs-load.png",
          "mean-wait-ns-vs-load.svg",
          "report.html");

  @TempDir Path dir;

  static final List<String> QUICKSTART_FILES =
      List.of(
          "summary.json",
          "results.csv",
          "latency-vs-size.png",
          "latency-vs-size.svg",
          "latency-cdf.png",
          "latency-cdf.svg",
          "latency-cdf.csv",
          "stage-breakdown.png",
          "stage-breakdown.svg",
          "stage-breakdown.csv",
          "report.html");

  @Test
  void whenShippedQuickstartRuns_thenPerftestTableChartsAndTheR1LatencyComeOut() throws Exception {
    Path out = dir.resolve("quickstart");
    CommandLineRun run =
        CommandLineRun.of("run", "../configs/quickstart.yaml", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    for (String file : QUICKSTART_FILES) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    assertIsPng(out.resolve("latency-vs-size.png"));
    assertIsSvg(out.resolve("latency-vs-size.svg"));
    assertTrue(run.out().contains("t_typical[usec]"), run.out());
    assertTrue(run.out().contains("send latency (ib_send_lat"), run.out());

    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertEquals("quickstart", summary.get("study").asString());
    JsonNode rows = summary.get("results");
    assertEquals(12, rows.size(), "write and send at six sizes");
    for (JsonNode row : rows) {
      assertTrue(row.get("t_typical_us").get("mean").asDouble() > 0, row.toString());
    }
    // Calibration R1 through the whole pipeline: a 32 B inline SEND takes 0.82 us one-way.
    JsonNode send32 = rows.get(6);
    assertEquals("send", send32.get("operation").asString());
    assertEquals(32, send32.get("size").asInt());
    assertEquals(0.82, send32.get("t_typical_us").get("mean").asDouble(), 0.082);
  }

  @Test
  void whenShippedMm1StudyRuns_thenEveryResultFileIsWrittenAndReadable() throws Exception {
    Path out = dir.resolve("mm1-queue");
    CommandLineRun run =
        CommandLineRun.of("run", "../configs/mm1-queue.yaml", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    for (String file : RESULT_FILES) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    assertIsPng(out.resolve("mean-wait-ns-vs-load.png"));
    assertIsSvg(out.resolve("mean-wait-ns-vs-load.svg"));

    JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
    assertEquals("mm1-queue", summary.get("study").asString());
    assertEquals(1, summary.get("seed").asLong());
    JsonNode rows = summary.get("results");
    assertEquals(9, rows.size());
    for (JsonNode row : rows) {
      JsonNode wait = row.get("mean_wait_ns");
      assertTrue(wait.get("mean").asDouble() > 0, row.toString());
      assertTrue(wait.get("ciHalfWidth").asDouble() > 0, row.toString());
      assertTrue(wait.has("reference"), row.toString());
      assertTrue(row.get("eventsExecuted").asLong() > 0, row.toString());
    }
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(10, csv.size(), "header and one row per load");
    assertTrue(csv.get(0).contains("mean_wait_ns_ci95_half_width"), csv.get(0));
    assertTrue(run.out().contains("results: " + out), run.out());
  }

  @Test
  void whenSameStudyRunsTwice_thenResultFilesAreByteIdenticalEvenUnderAnotherLocale()
      throws Exception {
    Path study = write("tiny.yaml", TINY_STUDY);
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    assertEquals(
        0, CommandLineRun.of("run", study.toString(), "--out", first.toString()).exitCode());
    Locale before = Locale.getDefault();
    try {
      // A decimal comma would change CSV cells and chart tick labels.
      Locale.setDefault(Locale.GERMANY);
      assertEquals(
          0, CommandLineRun.of("run", study.toString(), "--out", second.toString()).exitCode());
    } finally {
      Locale.setDefault(before);
    }

    for (String file : RESULT_FILES) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }
  }

  @Test
  void whenRerunIntoSameFolder_thenPreviousResultsAreReplacedAndNoStagingFolderRemains()
      throws Exception {
    Path study = write("tiny.yaml", TINY_STUDY);
    Path out = dir.resolve("results");

    assertEquals(0, CommandLineRun.of("run", study.toString(), "--out", out.toString()).exitCode());
    Files.writeString(out.resolve("summary.json"), "stale");
    assertEquals(0, CommandLineRun.of("run", study.toString(), "--out", out.toString()).exitCode());

    assertTrue(Files.readString(out.resolve("summary.json")).contains("\"study\" : \"tiny\""));
    assertEquals(List.of("results", "tiny.yaml"), listing(dir));
  }

  @Test
  void whenOutputFolderHoldsOtherFiles_thenRefusedAndLeftUntouched() throws Exception {
    Path study = write("tiny.yaml", TINY_STUDY);
    Path out = Files.createDirectory(dir.resolve("precious"));
    Files.writeString(out.resolve("thesis.tex"), "do not delete");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("does not hold rnicsim results"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertEquals(List.of("thesis.tex"), listing(out));
  }

  @Test
  void whenHelpOrVersionAsked_thenExitZeroAndVersionComesFromTheBuild() {
    CommandLineRun help = CommandLineRun.of("--help");
    CommandLineRun runHelp = CommandLineRun.of("run", "--help");
    CommandLineRun version = CommandLineRun.of("--version");

    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("run"), help.out());
    assertEquals(0, runHelp.exitCode());
    assertTrue(runHelp.out().contains("--out"), runHelp.out());
    assertEquals(0, version.exitCode());
    assertTrue(version.out().matches("(?s)rnicsim \\d+\\.\\d+\\.\\d+.*"), version.out());
  }

  @Test
  void whenArgumentsAreWrong_thenExitTwoWithUsageAndNoStackTrace() {
    for (String[] args :
        List.of(new String[] {}, new String[] {"run"}, new String[] {"frobnicate"})) {
      CommandLineRun run = CommandLineRun.of(args);
      assertEquals(2, run.exitCode(), Arrays.toString(args));
      assertTrue(run.err().contains("Usage:") || run.err().contains("Did you mean"), run.err());
      assertFalse(run.showsStackTrace(), run.err());
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertIsPng(Path png) throws IOException {
    byte[] bytes = Files.readAllBytes(png);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assertArrayEquals(magic, Arrays.copyOf(bytes, magic.length));
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "ImageIO cannot decode the PNG");
    assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400);
  }

  private static void assertIsSvg(Path svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // The SVG names the W3C DTD; a test must not go to the network for it.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document document = factory.newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", document.getDocumentElement().getLocalName());
    assertTrue(document.getDocumentElement().getElementsByTagName("path").getLength() > 0);
  }
}
