package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --shard I/N} for batch schedulers: shards split the jobs between them, leave the
 * combining to a final run without {@code --shard}, and that run equals a local sweep byte for
 * byte.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShardedSweepTest {
  @TempDir Path dir;

  @Test
  void whenShardsZeroAndOneOfTwoRunThenCombine_thenResultsEqualALocalSweepAndNothingRunsTwice()
      throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SweepCommandTest.SMALL_SWEEP);
    Path sharded = dir.resolve("sharded");
    Path local = dir.resolve("local");

    CommandLineRun first = sweep(study, sharded, "--shard", "0/2");
    CommandLineRun second = sweep(study, sharded, "--shard", "1/2");

    assertEquals(0, first.exitCode(), first.err());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(
        first.out().contains("shard 0/2: 0 of its 6 jobs were already done; ran 6"), first.out());
    assertTrue(second.out().contains("12 of the study's 12 jobs are done"), second.out());
    assertFalse(Files.exists(sharded.resolve("summary.json")), "a shard does not combine");
    List<String> jobFiles = RunCommandTest.listing(sharded.resolve("jobs"));
    assertEquals(12, jobFiles.size(), jobFiles.toString());

    CommandLineRun combine = sweep(study, sharded);
    assertEquals(0, combine.exitCode(), combine.err());
    assertTrue(
        combine.out().contains("resumed: 12 of 12 jobs were already done; ran 0"), combine.out());

    assertEquals(0, sweep(study, local).exitCode());
    SweepCommandTest.assertSameFiles(sharded, local, SweepCommandTest.COMBINED_FILES);
    SweepCommandTest.assertSameJobFiles(sharded, local);
  }

  @Test
  void whenOnlyOneShardRan_thenTheCombiningRunRunsTheRest() throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SweepCommandTest.SMALL_SWEEP);
    Path out = dir.resolve("out");

    assertEquals(0, sweep(study, out, "--shard", "2/3").exitCode());
    CommandLineRun combine = sweep(study, out);

    assertEquals(0, combine.exitCode(), combine.err());
    assertTrue(
        combine.out().contains("resumed: 4 of 12 jobs were already done; ran 8"), combine.out());
  }

  @Test
  void whenShardIsMalformed_thenExitCodeTwoAndNothingWritten() throws Exception {
    Path study = Files.writeString(dir.resolve("sweep.yaml"), SweepCommandTest.SMALL_SWEEP);
    for (String bad : List.of("2/2", "1", "-1/3", "a/b", "0/0")) {
      Path out = dir.resolve("out-" + bad.replace('/', '_'));
      CommandLineRun run = sweep(study, out, "--shard", bad);
      assertEquals(2, run.exitCode(), bad + ": " + run.err());
      assertTrue(run.err().contains("--shard"), run.err());
      assertFalse(Files.exists(out), bad);
    }
  }

  private static CommandLineRun sweep(Path study, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("sweep", study.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return CommandLineRun.of(args.toArray(new String[0]));
  }
}
