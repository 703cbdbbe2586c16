package org.rnicsim.experiments.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnicsim.ndk.consumer.ScriptedConsumer;
import org.rnicsim.ndk.consumer.Timeline;

/**
 * Every lesson runs, and its key event sequence equals the golden trace kept beside it in {@code
 * configs/lessons/golden/NN-name.txt}, so a change in the provider's or the model's behaviour shows
 * up as a diff of that file. After an intended change, regenerate them all with {@code mvn -B -pl
 * experiments -am verify -Drnicsim.lessons.regenerate=true} and review the diff.
 */
class LessonGoldenTest {
  static final Path LESSONS = Path.of("../configs/lessons");
  static final Path GOLDEN = LESSONS.resolve("golden");
  private static final boolean REGENERATE = Boolean.getBoolean("rnicsim.lessons.regenerate");

  static Stream<LessonCatalog.Entry> lessons() throws IOException {
    return LessonCatalog.of(LESSONS).entries().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  void eachLesson_followsItsGoldenTrace_andTheVerifierFindsWhatItExpects(LessonCatalog.Entry entry)
      throws IOException {
    Lesson lesson = entry.load();
    Timeline timeline = ScriptedConsumer.run(lesson.script());
    String golden = Narration.golden(lesson, timeline);
    Path file = GOLDEN.resolve(lesson.slug() + ".txt");
    if (REGENERATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, golden, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(file), file + " is missing; create it with -Drnicsim.lessons.regenerate=true");
    assertEquals(
        Files.readString(file, StandardCharsets.UTF_8),
        golden,
        lesson.heading()
            + " no longer follows "
            + file
            + ". If the change is intended, regenerate with -Drnicsim.lessons.regenerate=true"
            + " and review the diff.");
    List<Integer> expected = lesson.expectedViolations().stream().distinct().sorted().toList();
    assertEquals(
        expected,
        timeline.violatedInvariants(),
        lesson.heading() + ": the verifier reported\n" + timeline.verifierReport());
  }

  @Test
  void everyLessonHasAGoldenTrace_andEveryGoldenTraceALesson() throws IOException {
    List<String> slugs = new ArrayList<>();
    lessons().forEach(e -> slugs.add(e.slug() + ".txt"));
    List<String> goldens = new ArrayList<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      files.forEach(f -> goldens.add(String.valueOf(f.getFileName())));
    }
    goldens.sort(null);
    assertFalse(slugs.isEmpty());
    if (!REGENERATE) {
      assertEquals(slugs, goldens);
    }
  }

  @Test
  void lessonsAreNumberedOneToNInOrder_andBuiltIntoTheJarUnchanged() throws IOException {
    List<LessonCatalog.Entry> onDisk = LessonCatalog.of(LESSONS).entries();
    for (int i = 0; i < onDisk.size(); i++) {
      assertEquals(i + 1, onDisk.get(i).number(), onDisk.get(i).fileName());
    }
    List<LessonCatalog.Entry> builtIn = LessonCatalog.builtIn().entries();
    assertEquals(onDisk.size(), builtIn.size());
    for (int i = 0; i < onDisk.size(); i++) {
      assertEquals(onDisk.get(i).fileName(), builtIn.get(i).fileName());
      assertEquals(onDisk.get(i).text(), builtIn.get(i).text());
    }
  }

  @Test
  void aLessonRunsTheSameTwice() throws IOException {
    Lesson lesson = lessons().findFirst().orElseThrow().load();
    assertEquals(
        Narration.render(lesson, ScriptedConsumer.run(lesson.script())),
        Narration.render(lesson, ScriptedConsumer.run(lesson.script())));
  }
}
