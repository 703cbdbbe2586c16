package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rnicsim.experiments.study.ConfigFileReader;

/**
 * The numbered lessons: the files {@code NN-name.yaml} of a folder ({@code configs/lessons}) or, by
 * default, the copies built into rnicsim, so that {@code rnicsim lesson run 3} works from any
 * folder. Sorted by number.
 */
public final class LessonCatalog {
  /** Where the build puts the copies of {@code configs/lessons/*.yaml}. */
  static final String RESOURCE_FOLDER = "org/rnicsim/experiments/lesson/files";

  private static final Pattern LESSON_FILE = Pattern.compile("\\d{2}-[a-z0-9-]+\\.yaml");

  /** The course's exercises live beside the lessons: {@code NN-name.exercise.yaml}. */
  static final Pattern EXERCISE_FILE = Pattern.compile("\\d{2}-[a-z0-9-]+\\.exercise\\.yaml");

  /** One lesson file: its name and text. */
  public record Entry(String fileName, String displayName, String text) {
    public String slug() {
      return LessonLoader.slugOf(fileName);
    }

    public int number() {
      return Integer.parseInt(fileName.substring(0, 2));
    }

    public Lesson load() {
      return LessonLoader.parse(text, displayName, slug());
    }
  }

  private final List<Entry> entries;

  private LessonCatalog(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> a.fileName().compareTo(b.fileName()));
    this.entries = List.copyOf(sorted);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The lesson numbered {@code number}, if there is one. */
  public Optional<Entry> byNumber(int number) {
    return entries.stream().filter(e -> e.number() == number).findFirst();
  }

  /** The lesson files of {@code folder}. */
  public static LessonCatalog of(Path folder) throws IOException {
    return of(folder, LESSON_FILE);
  }

  /** The files of {@code folder} whose names match {@code names}. */
  static LessonCatalog of(Path folder, Pattern names) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = String.valueOf(file.getFileName());
        if (names.matcher(name).matches() && Files.isRegularFile(file)) {
          entries.add(
              new Entry(
                  name,
                  file.toString(),
                  ConfigFileReader.readText(file, file.toString(), "lesson")));
        }
      }
    }
    return new LessonCatalog(entries);
  }

  /** The lessons built into rnicsim. */
  public static LessonCatalog builtIn() {
    return builtIn(LESSON_FILE);
  }

  /** The files built into rnicsim beside the lessons whose names match {@code files}. */
  static LessonCatalog builtIn(Pattern files) {
    URL url = LessonCatalog.class.getClassLoader().getResource(RESOURCE_FOLDER);
    if (url == null) {
      return new LessonCatalog(List.of());
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        return fromJar(uri, files);
      }
      return relabel(of(Path.of(uri), files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource address " + url, e);
    }
  }

  private static LessonCatalog fromJar(URI uri, Pattern files) throws IOException {
    FileSystem jar;
    boolean opened = false;
    try {
      jar = FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      jar = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    }
    try {
      return relabel(of(jar.getPath(RESOURCE_FOLDER), files));
    } finally {
      if (opened) {
        jar.close();
      }
    }
  }

  /** Built-in lessons are named as they are in the repository. */
  private static LessonCatalog relabel(LessonCatalog catalog) {
    List<Entry> entries = new ArrayList<>();
    for (Entry e : catalog.entries) {
      entries.add(new Entry(e.fileName(), "configs/lessons/" + e.fileName(), e.text()));
    }
    return new LessonCatalog(entries);
  }
}
