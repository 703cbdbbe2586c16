package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.output.ResultsFolder;

/**
 * A lesson's output folder: {@code narration.txt}, the timeline chart as PNG and SVG, and {@code
 * lesson.html}, written into a hidden staging folder and moved into place when all are written, the
 * page last, so a folder without {@code lesson.html} is unfinished. Only a folder rnicsim made, or
 * an empty one, is replaced (the rules of {@link ResultsFolder}).
 */
final class LessonOutput {
  static final String PAGE = "lesson.html";

  private LessonOutput() {}

  /** Fills a staging folder. */
  @FunctionalInterface
  interface Writer {
    void write(Path folder) throws IOException;
  }

  static void publish(Path target, Writer writer) throws IOException {
    ResultsFolder.checkUsable(target);
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    Files.writeString(
        root.resolve(ResultsFolder.MARKER),
        "rnicsim lesson output: this folder is replaced when the lesson is run again\n",
        StandardCharsets.UTF_8);
    Files.deleteIfExists(root.resolve(PAGE));
    Path staging = root.resolve(".writing-" + ProcessHandle.current().pid());
    deleteTree(staging);
    Files.createDirectory(staging);
    try {
      writer.write(staging);
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
        entries.forEach(files::add);
      }
      files.sort(null);
      Path page = null;
      for (Path file : files) {
        if (file.getFileName().toString().equals(PAGE)) {
          page = file;
        } else {
          move(file, root.resolve(file.getFileName().toString()));
        }
      }
      if (page != null) {
        move(page, root.resolve(PAGE));
      }
    } finally {
      deleteTree(staging);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        Files.delete(entry);
      }
    }
    Files.delete(folder);
  }
}
