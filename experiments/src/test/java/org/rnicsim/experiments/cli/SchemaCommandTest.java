package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnicsim schema --out}: a file the user did not ask to replace stays as it was. */
@Timeout(60)
class SchemaCommandTest {
  @TempDir Path dir;

  @Test
  void whenOutExists_thenRefusedWithExitTwoAndTheFileIsUntouched() throws Exception {
    Path existing = Files.writeString(dir.resolve("notes.json"), "my notes\n");

    CommandLineRun run = CommandLineRun.of("schema", "--out", existing.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(existing + " exists; add --force to replace it"), "got: " + run.err());
    assertEquals("my notes\n", Files.readString(existing));
  }

  @Test
  void whenOutExistsAndForce_thenReplacedByTheSchema() throws Exception {
    Path existing = Files.writeString(dir.resolve("schema.json"), "old\n");

    CommandLineRun run = CommandLineRun.of("schema", "--force", "--out", existing.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(existing).contains("\"$schema\""));
  }

  @Test
  void whenOutCannotBeWritten_thenAUserErrorWithExitTwoAndNoStackTrace() {
    CommandLineRun run = CommandLineRun.of("schema", "--out", "/proc/rnicsim-schema.json");

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("rnicsim schema: cannot write /proc/rnicsim-schema.json: "),
        "got: " + run.err());
    assertFalse(run.err().contains("internal"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }
}
