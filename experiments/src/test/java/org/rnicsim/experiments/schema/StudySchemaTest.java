package org.rnicsim.experiments.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rnicsim.experiments.run.WorkloadKinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StudySchemaTest {
  private static final Path COMMITTED = Path.of("../configs/schema/rnicsim.schema.json");

  @Test
  void whenRecordsChange_thenTheCommittedSchemaIsRegenerated() throws Exception {
    String generated = StudySchema.generate(WorkloadKinds.all());

    assertEquals(
        generated,
        Files.readString(COMMITTED),
        "configs/schema/rnicsim.schema.json is stale; regenerate it with"
            + " ./rnicsim schema --force --out configs/schema/rnicsim.schema.json");
  }

  @Test
  void whenGenerated_thenUnknownKeysAreRefusedAndOnlyNameAndWorkloadAreRequired() {
    JsonNode schema =
        JsonMapper.builder().build().readTree(StudySchema.generate(WorkloadKinds.all()));

    assertEquals("[\"name\",\"workload\"]", schema.get("required").toString());
    assertEquals(false, schema.get("additionalProperties").asBoolean());
    JsonNode mm1 = schema.get("$defs").get("Mm1Workload");
    assertEquals("mm1", mm1.get("properties").get("kind").get("const").asString());
    assertTrue(mm1.get("required").toString().contains("kind"));
    assertEquals(
        false, schema.get("$defs").get("RunControl").get("additionalProperties").asBoolean());
  }
}
