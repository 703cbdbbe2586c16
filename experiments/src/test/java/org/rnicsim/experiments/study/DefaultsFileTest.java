package org.rnicsim.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.run.WorkloadKinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** configs/defaults.yaml holds every default, and the jar carries exactly that file. */
class DefaultsFileTest {
  private static final Path DEFAULTS = Path.of("../configs/defaults.yaml");

  @TempDir Path dir;

  @Test
  void whenBuilt_thenTheJarCarriesTheDefaultsFileUnchanged() throws Exception {
    assertEquals(Files.readString(DEFAULTS), StudyLoader.builtInDefaults());
  }

  @Test
  void whenAStudyNamesOnlyAKind_thenEveryKindRunsOnDefaultsAlone() throws Exception {
    StudyLoader loader = new StudyLoader(WorkloadKinds.all());
    for (NamedType kind : WorkloadKinds.all()) {
      Path study =
          Files.writeString(
              dir.resolve(kind.getName() + ".yaml"),
              "name: only-" + kind.getName() + "\nworkload:\n  kind: " + kind.getName() + "\n");

      StudyPlan plan = loader.load(study, study.toString());

      assertEquals(kind.getName(), plan.workload().kind());
    }
  }

  @Test
  void whenDefaultsNameWorkloadKinds_thenEachIsRegisteredAndEachRegisteredKindHasDefaults() {
    JsonNode kinds = YAMLMapper.builder().build().readTree(DEFAULTS.toFile()).get("workloads");
    List<String> registered = WorkloadKinds.all().stream().map(NamedType::getName).toList();

    assertEquals(registered, kinds.propertyNames().stream().toList());
    assertTrue(registered.stream().allMatch(kinds::has));
  }
}
