package org.rnicsim.experiments.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.experiments.study.ConfigProblem;

/**
 * The shipped CDFs draw the distribution their files describe, and a broken CDF file is refused at
 * the line and column of what is wrong.
 */
class FlowSizeCdfTest {

  private static FlowSizeCdf shipped(String name) throws Exception {
    String text = Files.readString(Path.of("../configs/flow-sizes/" + name + ".txt"));
    List<ConfigProblem> problems = new ArrayList<>();
    FlowSizeCdf cdf = FlowSizeCdf.parse(name, text, name + ".txt", "workload.sizes", problems);
    assertEquals(List.of(), problems);
    return cdf;
  }

  @Test
  void whenWebSearchIsDrawn_thenItsSharesAndMeanAreTheFilesOwn() throws Exception {
    FlowSizeCdf websearch = shipped("websearch");
    SimRandom random = new RandomStreams(7, 0).stream("sizes");
    int draws = 200_000;
    int atMost10k = 0;
    int atMost1m = 0;
    double sum = 0;
    for (int i = 0; i < draws; i++) {
      long size = websearch.draw(random);
      atMost10k += size <= 10_000 ? 1 : 0;
      atMost1m += size <= 1_000_000 ? 1 : 0;
      sum += size;
      assertTrue(size >= 1 && size <= 30_000_000, "size " + size);
    }
    // The file: 15 % of flows up to 10 KB, 70 % up to 1 MB; its mean is 1,711,250 B.
    assertEquals(0.15, (double) atMost10k / draws, 0.005);
    assertEquals(0.70, (double) atMost1m / draws, 0.005);
    assertEquals(1_711_250, websearch.meanBytes(), 1);
    assertEquals(websearch.meanBytes(), sum / draws, 0.02 * websearch.meanBytes());
  }

  @Test
  void whenFbHadoopIsRead_thenItsMeanIsTheSumOfItsSegments() throws Exception {
    FlowSizeCdf hadoop = shipped("fb-hadoop");
    assertEquals(10_000_000, hadoop.maxBytes());
    assertTrue(
        hadoop.meanBytes() > 100_000 && hadoop.meanBytes() < 200_000, "" + hadoop.meanBytes());
  }

  @Test
  void whenACdfFileIsBroken_thenEachProblemNamesItsLineAndColumn() {
    String text = "# comment\n0 0\n100 abc\n100 20\n50 30\n200 10\n";
    List<ConfigProblem> problems = new ArrayList<>();
    assertNull(FlowSizeCdf.parse("bad", text, "bad.txt", "workload.sizes", problems));
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("bad.txt:3:5", location(problems.get(0)));
    assertTrue(problems.get(0).message().contains("abc"), problems.get(0).message());
    assertEquals("bad.txt:5:1", location(problems.get(1)));
    assertTrue(problems.get(1).message().contains("sizes must not decrease"));
    assertEquals("bad.txt:6:5", location(problems.get(2)));
    assertTrue(problems.get(2).message().contains("percentages must not decrease"));
  }

  @Test
  void whenACdfStopsShortOfAHundredPercent_thenItsLastPointIsNamed() {
    List<ConfigProblem> problems = new ArrayList<>();
    assertNull(FlowSizeCdf.parse("short", "0 0\n\n10 50\n", "short.txt", "w.sizes", problems));
    assertEquals("short.txt:3:1", location(problems.get(0)));
    assertTrue(problems.get(0).message().contains("100 percent"));
  }

  @Test
  void whenAFixedSizeIsDrawn_thenEveryFlowHasIt() {
    FlowSizeCdf fixed = FlowSizeCdf.fixed("4KiB", 4096);
    SimRandom random = new RandomStreams(1, 0).stream("sizes");
    for (int i = 0; i < 100; i++) {
      assertEquals(4096, fixed.draw(random));
    }
    assertNotNull(fixed.name());
    assertEquals(4096, fixed.meanBytes(), 0);
  }

  private static String location(ConfigProblem problem) {
    return problem.file() + ":" + problem.line() + ":" + problem.column();
  }
}
