package org.rnicsim.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {
  @TempDir Path dir;

  @Test
  void whenWritingFailsBeforeCommit_thenNothingIsLeftBehind() throws IOException {
    Path target = dir.resolve("results").resolve("study");

    assertThrows(
        IllegalStateException.class,
        () -> {
          try (StagedDirectory staged = StagedDirectory.create(target)) {
            Files.writeString(staged.path().resolve("summary.json"), "{}");
            throw new IllegalStateException("simulated crash while writing results");
          }
        });

    assertFalse(Files.exists(target));
    assertEquals(List.of(), listing(dir.resolve("results")));
  }

  @Test
  void whenCommitted_thenTargetHoldsExactlyTheNewFiles() throws IOException {
    Path target = dir.resolve("study");
    Files.createDirectory(target);
    Files.writeString(target.resolve(StagedDirectory.MARKER), "old");
    Files.writeString(target.resolve("old-chart.png"), "old");

    try (StagedDirectory staged = StagedDirectory.create(target)) {
      Files.writeString(staged.path().resolve(StagedDirectory.MARKER), "new");
      staged.commit();
    }

    assertEquals(List.of(StagedDirectory.MARKER), listing(target));
    assertEquals("new", Files.readString(target.resolve(StagedDirectory.MARKER)));
    assertEquals(List.of("study"), listing(dir));
  }

  @Test
  void whenTargetIsAFolderOfOtherFiles_thenRefused() throws IOException {
    Path target = Files.createDirectory(dir.resolve("home"));
    Files.writeString(target.resolve("notes.txt"), "mine");

    assertThrows(OutputFolderException.class, () -> StagedDirectory.checkUsable(target));
    assertThrows(OutputFolderException.class, () -> StagedDirectory.checkUsable(Path.of("/")));
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
