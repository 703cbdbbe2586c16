package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static void publish(Path target, ResultsFolder.CombinedWriter writer) throws IOException {
    ResultsFolder.checkUsable(target);
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    Files.writeString(
        root.resolve(ResultsFolder.MARKER),
        "rnicsim lesson output: this folder is replaced when the lesson is run again\n",
        StandardCharsets.UTF_8);
    Files.deleteIfExists(root.resolve(PAGE));
    ResultsFolder.publishStaged(root, PAGE, writer);
  }
}
