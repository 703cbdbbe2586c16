package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RDMA studies that ask for what the hardware or a sane simulation cannot give are refused with
 * exit code 2, the file, line, column and path of the value, and no output folder.
 */
class BadRdmaStudyTest {
  /** A small valid latency study; its lines are 1-based as an editor shows them. */
  static final String TINY_RDMA =
      String.join(
          "\n",
          "name: tiny-rdma",
          "hardware:",
          "  profile: connectx4-edr-gen3x16",
          "  pcie:",
          "    flightLatency: 125ns",
          "topology:",
          "  shape: back-to-back",
          "run:",
          "  replications: 2",
          "workload:",
          "  kind: latency",
          "  operations: [write, send]",
          "  sizes: [32B, 4KiB]",
          "  iterations: 50",
          "  warmUpIterations: 5",
          "  qpDepth: 64",
          "");

  @TempDir Path dir;

  private static String with(int line, String replacement) {
    List<String> lines = new ArrayList<>(TINY_RDMA.lines().toList());
    lines.set(line - 1, replacement);
    return String.join("\n", lines) + "\n";
  }

  static Stream<Arguments> badStudies() {
    return Stream.of(
        Arguments.of(
            "unknown hardware profile",
            with(3, "  profile: connectx9"),
            "bad.yaml:3:12: unknown hardware profile 'connectx9' (known: connect-ib-class,"),
        Arguments.of(
            "a profile name that is a path",
            with(3, "  profile: ../../etc/passwd"),
            "bad.yaml:3:12: 'hardware.profile' must be the name of a profile"),
        Arguments.of(
            "QP depth above the adapter's maximum",
            with(16, "  qpDepth: 65536"),
            "bad.yaml:16:12: 'workload.qpDepth' must not exceed the adapter's maximum queue depth"
                + " of 32768 WQEs (hardware.limits.maxQueueDepth of connectx4-edr-gen3x16)"),
        Arguments.of(
            "absurd QP count",
            with(11, "  kind: bandwidth\n  qps: 1000000"),
            "bad.yaml:12:8: 'workload.qps' must be between 1 and 16384 per client"),
        Arguments.of(
            "bad unit in a hardware override",
            with(5, "    flightLatency: 125 parsecs"),
            "bad.yaml:5:20: bad value at 'hardware.pcie.flightLatency': unknown unit \"parsecs\""),
        Arguments.of(
            "bare number in a hardware override",
            with(5, "    flightLatency: 125"),
            "bad.yaml:5:20: 'hardware.pcie.flightLatency' needs a unit: a duration with a unit"),
        Arguments.of(
            "misspelt hardware key",
            with(5, "    flightLatancy: 125ns"),
            "bad.yaml:5:5: unknown key 'hardware.pcie.flightLatancy' (known: ecrc, flightLatency, generation,"),
        Arguments.of(
            "override the model refuses",
            with(5, "    lanes: 3"),
            "bad.yaml:5:12: 'hardware.pcie' is not possible: lanes must be one of 1, 2, 4, 8, 16"),
        Arguments.of(
            "negative message size",
            with(13, "  sizes: [32B, -4KiB]"),
            "bad.yaml:13:16: bad size at 'workload.sizes[1]': negative size \"-4KiB\" is not allowed"),
        Arguments.of(
            "absurd message size",
            with(13, "  sizes: [32B, 4GiB]"),
            "bad.yaml:13:16: 'workload.sizes[1]' must be between 1B and 1GiB (got 4GiB)"),
        Arguments.of(
            "a gigabyte per message a million times",
            TINY_RDMA
                .replace("sizes: [32B, 4KiB]", "sizes: [1GiB]")
                .replace("iterations: 50", "iterations: 1000000"),
            "bad.yaml:14:15: 'workload.iterations' must keep each case under 64GiB of payload"),
        Arguments.of(
            "unknown operation",
            with(12, "  operations: [write, atomic]"),
            "bad.yaml:12:23: 'workload.operations[1]' must be send, write or read (got 'atomic')"),
        Arguments.of(
            "many clients back to back",
            with(7, "  shape: back-to-back\n  clients: 4"),
            "bad.yaml:8:12: 'topology.clients' must be 1 when the machines are back to back"),
        Arguments.of(
            "more clients than the default switch buffer keeps lossless",
            with(7, "  shape: switch\n  clients: 60"),
            "bad.yaml:8:12: 'topology.clients' is too many for a lossless switch:"
                + " 'topology.switchBuffer' 1MiB keeps 54 machine(s) lossless under a full incast"
                + " (the server and 53 client(s)); 61 machines need at least 1.12 MiB (got 60"
                + " clients)"),
        Arguments.of(
            "a leaf-spine of one leaf",
            with(7, "  shape: leaf-spine\n  leaves: 1"),
            "bad.yaml:8:11: 'topology.leaves' must be between 2 and 32 (got 1)"),
        Arguments.of(
            "a leaf-spine without a spine",
            with(7, "  shape: leaf-spine\n  spines: 0"),
            "bad.yaml:8:11: 'topology.spines' must be between 1 and 32 (got 0)"),
        Arguments.of(
            "more clients than the leaves have ports",
            with(7, "  shape: leaf-spine\n  clients: 5\n  hostsPerLeaf: 2"),
            "bad.yaml:8:12: 'topology.clients' needs 6 machines with the server, but the"
                + " leaf-spine has ports for 4 (2 leaves of 2 hosts; raise"
                + " 'topology.hostsPerLeaf')"),
        Arguments.of(
            "more leaf ports than one simulation holds",
            with(7, "  shape: leaf-spine\n  hostsPerLeaf: 40"),
            "bad.yaml:8:17: 'topology.hostsPerLeaf' must give at most 64 machines with"
                + " 'topology.leaves' (got 2 leaves of 40 = 80)"),
        Arguments.of(
            "an uplink rate without a unit",
            with(7, "  shape: leaf-spine\n  spineLinkRate: 100"),
            "bad.yaml:8:18: wrong type at 'topology.spineLinkRate': expected a text value"),
        Arguments.of(
            "an uplink slower than any Ethernet",
            with(7, "  shape: leaf-spine\n  spineLinkRate: 10Mbps"),
            "bad.yaml:8:18: 'topology.spineLinkRate' must be between 1Gbps and 1600Gbps"),
        Arguments.of(
            "an uplink cable of negative length",
            with(7, "  shape: leaf-spine\n  spineLinkDelay: -5ns"),
            "bad.yaml:8:19: bad duration at 'topology.spineLinkDelay': negative duration"),
        Arguments.of(
            "a leaf-spine buffer too small for every port's PFC headroom",
            with(7, "  shape: leaf-spine\n  hostsPerLeaf: 2\n  switchBuffer: 40KiB"),
            "bad.yaml:8:17: 'topology.switchBuffer' 40KiB is too small for a lossless leaf-spine"
                + " of 2 leaves (2 host and 2 spine ports each) and 2 spines"),
        Arguments.of(
            "unknown completion mode",
            TINY_RDMA + "completion:\n  mode: telepathy\n",
            "bad.yaml:18:9: 'completion.mode' must be polling, interrupts or adaptive"),
        Arguments.of(
            "window beyond the queues",
            with(11, "  kind: bandwidth\n  window: 100000"),
            "bad.yaml:12:11: 'workload.window' must be between 1 and what the queues hold"),
        Arguments.of(
            "a QP choice the workload does not know",
            with(11, "  kind: bandwidth\n  qpChoice: least-loaded"),
            "bad.yaml:12:13: 'workload.qpChoice' must be round-robin or random"),
        Arguments.of(
            "a PCIe generation there is none of",
            with(5, "    generation: gen9"),
            "bad.yaml:5:17: wrong type at 'hardware.pcie.generation': expected one of gen1, gen2,"
                + " gen3, gen4, gen5, got \"gen9\""),
        Arguments.of(
            "a hardware count written as a word",
            with(5, "    lanes: sixteen"),
            "bad.yaml:5:12: 'hardware.pcie.lanes' must be a whole number (got \"sixteen\")"),
        Arguments.of(
            "a bad profile value shared by an alias is reported at the alias too",
            with(5, "    flightLatency: &flight 125 parsecs\n    readCompleterLatency: *flight"),
            "bad.yaml:6:27: bad value at 'hardware.pcie.readCompleterLatency': unknown unit"),
        Arguments.of(
            "a bad profile value shared by an alias is reported at the anchor",
            with(5, "    flightLatency: &flight 125 parsecs\n    readCompleterLatency: *flight"),
            "bad.yaml:5:20: bad value at 'hardware.pcie.flightLatency': unknown unit"),
        Arguments.of(
            "QPs beyond any whole number of the key's type",
            "name: q\nworkload:\n  kind: bandwidth\n  qps: 1000000000000\n",
            "bad.yaml:4:8: 'workload.qps' must be between 1 and 16384 per client (a simulation's"
                + " sane bound) (got 1000000000000)"),
        Arguments.of(
            "operation rate without a unit",
            with(11, "  kind: open-loop\n  rate: 100000"),
            "bad.yaml:12:9: wrong type at 'workload.rate'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStudies")
  void whenRdmaStudyAsksForTheImpossible_thenExitTwoWithLocatedMessageAndNoOutput(
      String description, String content, String expected) throws Exception {
    Path study = Files.writeString(dir.resolve("bad.yaml"), content);
    Path out = dir.resolve("results");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(dir + "/" + expected), "expected <" + expected + "> in:\n" + run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertFalse(Files.exists(out), "bad input must leave no output folder");
  }

  @Test
  void whenASweepsLastClientCountOutgrowsTheSwitchBuffer_thenThatPointIsNamedAndNothingRuns()
      throws Exception {
    String content =
        with(7, "  shape: switch\n  switchBuffer: 96KiB")
            + "sweep:\n  - path: topology.clients\n    values: [2, 4, 5]\n";
    Path study = Files.writeString(dir.resolve("bad.yaml"), content);
    Path out = dir.resolve("results");

    CommandLineRun run = CommandLineRun.of("sweep", study.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.err());
    String expected =
        dir
            + "/bad.yaml:20:20: 'topology.clients' is too many for a lossless switch:"
            + " 'topology.switchBuffer' 96KiB keeps 5 machine(s) lossless under a full incast"
            + " (the server and 4 client(s)); 6 machines need at least 112.38 KiB (got 5 clients)";
    assertTrue(run.err().contains(expected), "expected <" + expected + "> in:\n" + run.err());
    assertFalse(run.err().contains("(got 4 clients)"), "4 clients fit 96KiB:\n" + run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertFalse(Files.exists(out), "bad input must leave no output folder");
  }

  @Test
  void whenSetChoosesAnUnknownProfile_thenTheOptionIsNamed() throws Exception {
    Path study = Files.writeString(dir.resolve("tiny.yaml"), TINY_RDMA);

    CommandLineRun run =
        CommandLineRun.of("validate", study.toString(), "--set", "hardware.profile=cx9");

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().contains("--set hardware.profile=cx9: unknown hardware profile 'cx9'"),
        run.err());
  }
}
