package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A study swept once with {@code --jobs 1} into {@code first} and once with {@code --jobs 2} into
 * {@code second}, both runs checked to succeed and every result file checked byte-identical; the
 * test then asserts what its study must have written ({@code files}, those of {@code first}).
 */
record SweptTwice(
    CommandLineRun one, CommandLineRun two, Path first, Path second, List<Path> files) {

  static SweptTwice of(Path study, Path dir) throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    CommandLineRun one =
        CommandLineRun.of("sweep", study.toString(), "--out", first.toString(), "--jobs", "1");
    CommandLineRun two =
        CommandLineRun.of("sweep", study.toString(), "--out", second.toString(), "--jobs", "2");
    assertEquals(0, one.exitCode(), one.err());
    assertEquals(0, two.exitCode(), two.err());
    List<Path> files = filesIn(first);
    assertEquals(files.size(), filesIn(second).size());
    for (Path file : files) {
      Path other = second.resolve(first.relativize(file));
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(other), file.toString());
    }
    return new SweptTwice(one, two, first, second, files);
  }

  private static List<Path> filesIn(Path folder) throws Exception {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
