package org.rnicsim.experiments.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A results folder written under a temporary hidden sibling name and renamed into place only when
 * complete, so that a crash or a kill leaves either the previous results or nothing that looks like
 * results.
 *
 * <p>Because a rerun replaces the folder, only a folder that is empty or holds a previous run's
 * files (a {@code summary.json} and no subfolders) may be replaced: {@code --out ~} must not delete
 * a home directory.
 */
public final class StagedDirectory implements AutoCloseable {

  /** The file whose presence marks a folder as a previous rnicsim result. */
  public static final String MARKER = "summary.json";

  private final Path target;
  private final Path staging;
  private final Thread removeOnInterrupt;
  private volatile boolean committed;

  private StagedDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
    // Ctrl-C or a plain kill runs shutdown hooks but not close(); without the hook an interrupted
    // run would leave its hidden staging folder behind.
    this.removeOnInterrupt = new Thread(this::removeQuietly, "rnicsim-remove-partial-results");
    Runtime.getRuntime().addShutdownHook(removeOnInterrupt);
  }

  /**
   * Checks without touching the disk that {@code target} may become (or be replaced by) a results
   * folder.
   *
   * @throws OutputFolderException when it may not
   */
  public static void checkUsable(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    if (absolute.getParent() == null || absolute.getFileName() == null) {
      throw new OutputFolderException("cannot write results to the root folder '" + target + "'");
    }
    if (Files.exists(absolute) && !isReplaceable(absolute)) {
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

  /** Creates the staging folder beside {@code target} (creating missing parents). */
  public static StagedDirectory create(Path target) throws IOException {
    checkUsable(target);
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = createSibling(parent, "." + absolute.getFileName() + ".partial-");
    return new StagedDirectory(absolute, staging);
  }

  /**
   * A new folder {@code prefix + n} in {@code parent}. Not {@link Files#createTempDirectory}: that
   * makes the folder private to its owner, and the results folder keeps the staging folder's
   * permissions.
   */
  private static Path createSibling(Path parent, String prefix) throws IOException {
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      Path candidate = parent.resolve(prefix + pid + "-" + attempt);
      try {
        return Files.createDirectory(candidate);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 1000) {
          throw e;
        }
      }
    }
  }

  /** Where to write the results while they are incomplete. */
  public Path path() {
    return staging;
  }

  /** Puts the finished folder in place of {@code target}, replacing a previous result there. */
  public void commit() throws IOException {
    Path parent = target.getParent();
    Path previous = null;
    if (Files.exists(target)) {
      checkUsable(target);
      previous = createSibling(parent, "." + target.getFileName() + ".previous-");
      Files.delete(previous);
      move(target, previous);
    }
    move(staging, target);
    committed = true;
    if (previous != null) {
      deleteRecursively(previous);
    }
  }

  /** Removes the staging folder unless committed: an unfinished run leaves nothing behind. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(removeOnInterrupt);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
    if (!committed) {
      try {
        deleteRecursively(staging);
      } catch (IOException e) {
        throw new UncheckedIOException("could not remove unfinished results " + staging, e);
      }
    }
  }

  private void removeQuietly() {
    if (!committed) {
      try {
        deleteRecursively(staging);
      } catch (IOException e) {
        // The process is ending; a hidden .partial folder is the worst that remains.
      }
    }
  }

  private static boolean isReplaceable(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    boolean hasMarker = false;
    boolean empty = true;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        empty = false;
        if (!Files.isRegularFile(entry)) {
          return false;
        }
        hasMarker |= entry.getFileName().toString().equals(MARKER);
      }
    } catch (IOException e) {
      return false;
    }
    return empty || hasMarker;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Siblings share a file system, so this only happens on exotic mounts; a plain rename is the
      // best left.
      Files.move(from, to);
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
