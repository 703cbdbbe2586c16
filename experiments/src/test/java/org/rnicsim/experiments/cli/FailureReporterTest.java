package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.consumer.ScriptException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A consumer's own error is bad input, exit 2 with its message, never "internal error". */
class FailureReporterTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Override
    public void run() {}
  }

  private static String[] report(Exception e) {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new Probe()).setErr(new PrintWriter(err));
    int code = new FailureReporter().handleExecutionException(e, command, null);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void consumerMisuseThatEscapesARunIsBadInputWithItsRule() {
    String[] out = report(new NdkMisuseException("C1", "ArmCq on CQ#1 in state CLOSED"));
    assertEquals("2", out[0]);
    assertTrue(out[1].contains("C1: ArmCq on CQ#1 in state CLOSED"), out[1]);
    assertFalse(out[1].contains("internal error"), out[1]);
  }

  @Test
  void aScriptThatCannotGoOnIsBadInputNamingItsStep() {
    String[] out = report(new ScriptException("study.yaml:8", "waits for a notification on cq"));
    assertEquals("2", out[0]);
    assertTrue(out[1].contains("study.yaml:8: waits for a notification on cq"), out[1]);
  }
}
