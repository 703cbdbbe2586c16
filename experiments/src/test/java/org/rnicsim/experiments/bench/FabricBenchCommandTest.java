package org.rnicsim.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Checks the command's rounds and output on a tiny run; the figures are not asserted. */
class FabricBenchCommandTest {

  @Test
  void warmUpRoundsAreNotMeasuredAndEveryMeasuredRoundIsPrinted() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        BenchCli.execute(
            out, err, "fabric", "--duration", "5us", "--rounds", "2", "--warm-up", "1");
    assertEquals(0, exit, err.toString());
    // One line per measured round on stderr; the warm-up round prints none.
    assertEquals(2, err.toString().lines().filter(line -> line.contains(": round ")).count());
    assertTrue(err.toString().contains("round 2:"), err.toString());
    assertTrue(out.toString().contains("(median of 2)"), out.toString());
    assertTrue(out.toString().contains("events per packet-hop:"), out.toString());
  }

  @Test
  void aNegativeWarmUpIsRefusedWithExitCode2() {
    StringWriter err = new StringWriter();
    int exit = BenchCli.execute(new StringWriter(), err, "fabric", "--warm-up", "-1");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("--warm-up must not be negative"), err.toString());
  }
}
