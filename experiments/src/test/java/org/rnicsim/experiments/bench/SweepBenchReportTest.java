package org.rnicsim.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What bench sweep prints from given timings: the ratio, the target, the verdict and why. */
class SweepBenchReportTest {
  // 10 s on one thread: 0.5 s setup, 9 s of jobs, 0.5 s of files; 48 jobs of 0.1875 s CPU each;
  // the JVM used 10.4 s of CPU; its JIT compiler worked 0.35 s and its collectors 0.05 s.
  private static final SweepTiming SERIAL =
      new SweepTiming(10, 0.5, 9, 0.5, 9, 10.4, 0.35, 0.05, 48);

  private static JsonNode json(SweepTiming parallel) {
    StringWriter out = new StringWriter();
    new SweepBenchReport(2, 3, 1.8).print(SERIAL, parallel, 0.4, 1.6, true, new PrintWriter(out));
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void whenTwoThreadsTakeHalfTheTime_thenTheTargetIsMetAndTheBoundsAreShown() {
    JsonNode json = json(new SweepTiming(5.5, 0.5, 4.6, 0.4, 9.2, 9.8, 0.1, 0.05, 48));

    assertEquals(1.818, json.get("speedup").asDouble(), 1e-9);
    assertEquals(1.8, json.get("targetSpeedup").asDouble(), 1e-9);
    assertTrue(json.get("targetMet").asBoolean());
    // Serial part 1 s of 10: Amdahl allows 1 / (0.1 + 0.9 / 2) = 1.818 on 2 cores.
    assertEquals(0.1, json.get("serialFraction").asDouble(), 1e-9);
    assertEquals(1.818, json.get("amdahlBound").asDouble(), 1e-9);
    assertEquals(187.5, json.get("jobCpuMillisMean").asDouble(), 1e-9);
    // 9.2 s of job CPU in 4.6 s on 2 cores: the threads never waited.
    assertEquals(1.0, json.get("jobThreadsBusy").asDouble(), 1e-9);
    assertEquals(4.6, json.get("parallel").get("jobsSeconds").asDouble(), 1e-9);
    assertEquals(1.6, json.get("loadAverageAfter").asDouble(), 1e-9);
    assertEquals(0.35, json.get("serial").get("jitSeconds").asDouble(), 1e-9);
    assertEquals(0.05, json.get("serial").get("gcSeconds").asDouble(), 1e-9);
    assertEquals(0.1, json.get("parallel").get("jitSeconds").asDouble(), 1e-9);
  }

  @Test
  void whenTheThreadsWereStarved_thenTheTargetIsMissedAndTheBusyShareSaysSo() {
    JsonNode json = json(new SweepTiming(9, 0.5, 8, 0.5, 9.2, 9.8, 0.1, 0.05, 48));

    assertFalse(json.get("targetMet").asBoolean());
    assertEquals(0.575, json.get("jobThreadsBusy").asDouble(), 1e-9);
  }

  @Test
  void theTableNamesEachPhaseAndTheVerdict() {
    StringWriter out = new StringWriter();
    new SweepBenchReport(2, 3, 1.8)
        .print(
            SERIAL,
            new SweepTiming(9, 0.5, 8, 0.5, 9.6, 9.8, 0.1, 0.05, 48),
            0.4,
            1.6,
            false,
            new PrintWriter(out));

    String text = out.toString();
    assertTrue(text.contains("setup") && text.contains("files") && text.contains("job CPU"), text);
    assertTrue(text.contains("at most 1.82x on 2 cores"), text);
    assertTrue(text.contains("Job threads busy 60 % of 2 cores"), text);
    assertTrue(
        text.contains("The JIT compiler worked 0.350 s and the garbage collector 0.050 s"), text);
    assertTrue(
        text.contains("Speed-up 1.11x on 2 cores (target >= 1.8x on 2 cores): NOT met"), text);
  }

  @Test
  void theMedianIsTakenFieldByField() {
    SweepTiming median =
        SweepBenchReport.median(
            List.of(
                new SweepTiming(3, 1, 1, 1, 1, 1, 3, 1, 48),
                new SweepTiming(1, 3, 3, 3, 3, 3, 1, 3, 48),
                new SweepTiming(2, 2, 2, 2, 2, 2, 2, 2, 48)));

    assertEquals(new SweepTiming(2, 2, 2, 2, 2, 2, 2, 2, 48), median);
  }
}
