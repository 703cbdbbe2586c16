package org.rnicsim.experiments.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file whole or not at all: a reader never sees half of it. */
public final class AtomicText {
  private AtomicText() {}

  /** Writes {@code text} (UTF-8) next to {@code target}, then moves it into place. */
  public static void write(Path target, String text) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
