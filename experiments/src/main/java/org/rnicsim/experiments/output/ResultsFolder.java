package org.rnicsim.experiments.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A study's results folder: {@code jobs/} with one file per finished job, which survives a kill so
 * that a rerun resumes, and the combined results ({@code summary.json}, tables, charts, report),
 * which are written into a hidden staging folder and moved into place only when all are complete,
 * {@code summary.json} last. A folder without {@code summary.json} is unfinished.
 *
 * <p>A rerun deletes the previous combined results, so only a folder rnicsim made (it holds the
 * marker file) or an empty one may be used: {@code --out ~} must not delete a home directory.
 */
public final class ResultsFolder {
  /** Marks a folder as rnicsim's to replace. */
  public static final String MARKER = ".rnicsim-results";

  /** Written last: its presence says the combined results are complete. */
  public static final String SUMMARY = "summary.json";

  public static final String JOBS = "jobs";

  private static final String STAGING_PREFIX = ".combining-";

  private final Path root;

  private ResultsFolder(Path root) {
    this.root = root;
  }

  /**
   * Checks, without touching the disk, that {@code target} may hold results.
   *
   * @throws OutputFolderException when it may not
   */
  public static void checkUsable(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    if (absolute.getParent() == null || absolute.getFileName() == null) {
      throw new OutputFolderException("cannot write results to the root folder '" + target + "'");
    }
    if (Files.exists(absolute) && !isOurs(absolute)) {
      throw new OutputFolderException(
          "output folder '"
              + target
              + "' exists and does not hold rnicsim results; choose another --out or remove it");
    }
    Path parent = absolute.getParent();
    if (Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new OutputFolderException("'" + parent + "' is not a folder");
    }
  }

  /**
   * Creates the folder (or reuses one of ours) and removes the previous combined results, keeping
   * finished jobs.
   */
  public static ResultsFolder open(Path target) throws IOException {
    checkUsable(target);
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root.resolve(JOBS));
    Files.writeString(
        root.resolve(MARKER),
        "rnicsim results: this folder is replaced when the study is run again\n",
        StandardCharsets.UTF_8);
    // summary.json first: from here on the folder reads as unfinished until the new one lands.
    Files.deleteIfExists(root.resolve(SUMMARY));
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals(MARKER) || name.equals(JOBS)) {
          continue;
        }
        if (Files.isRegularFile(entry) || name.startsWith(STAGING_PREFIX)) {
          deleteRecursively(entry);
        }
      }
    }
    return new ResultsFolder(root);
  }

  public Path root() {
    return root;
  }

  public Path jobs() {
    return root.resolve(JOBS);
  }

  /** Writes combined results: {@code writer} fills a staging folder, then its files move in. */
  public void publish(CombinedWriter writer) throws IOException {
    publishStaged(root, SUMMARY, writer);
  }

  /**
   * Lets {@code writer} fill a hidden staging folder inside {@code root}, then moves its files into
   * {@code root} in name order, {@code lastFile} last: a folder that holds {@code lastFile} is
   * complete, whatever stopped a run. The staging folder is removed on the way out, and by a
   * shutdown hook on Ctrl-C.
   */
  public static void publishStaged(Path root, String lastFile, CombinedWriter writer)
      throws IOException {
    Path staging = root.resolve(STAGING_PREFIX + ProcessHandle.current().pid());
    deleteRecursively(staging);
    Files.createDirectory(staging);
    // Ctrl-C runs shutdown hooks but not finally blocks of other threads' work.
    Thread cleanup =
        new Thread(
            () -> {
              try {
                deleteRecursively(staging);
              } catch (IOException e) {
                // The process is ending; a hidden staging folder is the worst that remains.
              }
            },
            "rnicsim-remove-staging");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      writer.write(staging);
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
        entries.forEach(files::add);
      }
      files.sort(null);
      Path last = null;
      for (Path file : files) {
        if (file.getFileName().toString().equals(lastFile)) {
          last = file;
        } else {
          move(file, root.resolve(file.getFileName().toString()));
        }
      }
      if (last != null) {
        move(last, root.resolve(lastFile));
      }
    } finally {
      deleteRecursively(staging);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs anyway.
      }
    }
  }

  /** Fills a staging folder with the files to publish. */
  @FunctionalInterface
  public interface CombinedWriter {
    void write(Path folder) throws IOException;
  }

  private static boolean isOurs(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    if (Files.isRegularFile(folder.resolve(MARKER))) {
      return true;
    }
    // Empty, or the flat folder of an rnicsim from before jobs/ existed.
    boolean hasSummary = false;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (!Files.isRegularFile(entry)) {
          return false;
        }
        hasSummary |= entry.getFileName().toString().equals(SUMMARY);
      }
      return hasSummary || isEmpty(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      return !entries.iterator().hasNext();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
