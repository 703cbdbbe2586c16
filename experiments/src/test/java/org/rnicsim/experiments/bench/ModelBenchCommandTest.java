package org.rnicsim.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks the command's output shape on a tiny run; the figures themselves are not asserted. */
class ModelBenchCommandTest {

  private static Path profile() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("configs/profiles"))) {
      dir = dir.getParent();
    }
    return dir.resolve(ModelBenchCommand.DEFAULT_PROFILE);
  }

  @Test
  void jsonPrintsOneObjectWithEveryFigure() {
    StringWriter out = new StringWriter();
    int exit =
        BenchCli.execute(
            out,
            new StringWriter(),
            "model",
            "--json",
            "--profile",
            profile().toString(),
            "--warmup",
            "1000",
            "--operations",
            "2000",
            "--rounds",
            "1",
            "--qps",
            "1000",
            "--ndk-operations",
            "2000");
    assertEquals(0, exit);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    for (String key :
        new String[] {
          "operationsPerWallSecond",
          "operationsPerCpuSecond",
          "eventsPerOperation",
          "heapBytesPerOperation",
          "simulatedOperationsPerSimulatedSecond",
          "heapBytesPerIdleQp",
          "idleQps",
          "ndkOperationsPerWallSecond",
          "ndkVerifiedOperationsPerWallSecond",
          "ndkOperationsPerCpuSecond",
          "ndkVerifiedOperationsPerCpuSecond",
          "ndkHeapBytesPerOperation",
          "ndkVerifiedHeapBytesPerOperation",
          "verifierCpuOverhead",
          "verifierOverhead",
          "verifierOverheadTargetMet"
        }) {
      assertTrue(json.has(key), key + " in " + out);
    }
    assertEquals(1000, json.get("idleQps").asLong());
    assertEquals(0, json.get("verifierViolations").asLong(), "a clean loop breaks no rule");
    assertTrue(
        json.get("ndkVerifiedHeapBytesPerOperation").asLong()
            > json.get("ndkHeapBytesPerOperation").asLong(),
        "the verifier keeps a record of every post: " + out);
  }

  @Test
  void aMissingProfileIsAClearErrorNotAStackTrace() {
    StringWriter err = new StringWriter();
    int exit =
        BenchCli.execute(new StringWriter(), err, "model", "--profile", "no/such/profile.yaml");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("no profile file"), err.toString());
  }

  @Test
  void anOptionOutOfRangeIsNamedInTheError() {
    StringWriter err = new StringWriter();
    int exit =
        BenchCli.execute(
            new StringWriter(), err, "model", "--profile", profile().toString(), "--window", "0");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("--window must be at least 1 (got 0)"), err.toString());
  }
}
