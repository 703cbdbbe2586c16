package org.rnicsim.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of rnicsim's own compiled classes (every {@code org/rnicsim/**.class} of the four
 * modules, by path and content), wherever they were loaded from: the one runnable jar, or each
 * module's classes folder when run from Maven or an IDE. Two builds of the same sources with the
 * same compiler give the same digest; any change to the model's code gives another. A snapshot
 * version number stays the same while its sources change, so the version alone cannot tell a
 * results folder which build computed it.
 */
final class CodeDigest {
  private static final String OWN_CLASSES = "org/rnicsim/";
  // One class of each module: where it was loaded from is where that module's classes are.
  private static final List<String> MODULE_CLASSES =
      List.of(
          "org.rnicsim.engine.RnicSimulator",
          "org.rnicsim.model.adapter.Rnic",
          "org.rnicsim.ndk.provider.SimNdkProvider",
          "org.rnicsim.experiments.BuildInfo");

  private CodeDigest() {}

  /** The digest of the classes this JVM runs rnicsim from. */
  static String ofLoadedClasses() {
    Set<Path> locations = new LinkedHashSet<>();
    for (String className : MODULE_CLASSES) {
      locations.add(locationOf(className));
    }
    return of(locations);
  }

  /**
   * The first 12 hex digits of the SHA-256 over the paths and bytes, in path order, of the {@code
   * org/rnicsim/**.class} files in {@code locations} (classes folders or jars): where a class came
   * from does not matter, only its path and content.
   */
  static String of(Collection<Path> locations) {
    TreeMap<String, byte[]> classes = new TreeMap<>();
    for (Path location : locations) {
      if (Files.isDirectory(location)) {
        readFolder(location, classes);
      } else {
        readJar(location, classes);
      }
    }
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (var entry : classes.entrySet()) {
      sha256.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(entry.getValue());
    }
    return HexFormat.of().formatHex(sha256.digest(), 0, 6);
  }

  private static Path locationOf(String className) {
    try {
      CodeSource source =
          Class.forName(className, false, CodeDigest.class.getClassLoader())
              .getProtectionDomain()
              .getCodeSource();
      URL url = source == null ? null : source.getLocation();
      if (url == null) {
        throw new IllegalStateException("no code location for " + className);
      }
      return Path.of(url.toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException("cannot locate rnicsim's classes: " + className, e);
    }
  }

  private static void readFolder(Path root, TreeMap<String, byte[]> classes) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> found = new ArrayList<>();
      files.filter(file -> file.toString().endsWith(".class")).forEach(found::add);
      for (Path file : found) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.startsWith(OWN_CLASSES)) {
          classes.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rnicsim's classes under " + root, e);
    }
  }

  private static void readJar(Path jar, TreeMap<String, byte[]> classes) {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (name.startsWith(OWN_CLASSES) && name.endsWith(".class")) {
          try (InputStream in = file.getInputStream(entry)) {
            classes.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rnicsim's classes in " + jar, e);
    }
  }
}
