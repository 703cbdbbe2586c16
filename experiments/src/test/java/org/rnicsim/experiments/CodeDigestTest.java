package org.rnicsim.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build a job fingerprint carries: a results folder resumed by a build whose classes differ
 * must not take the old results for its own, and the same classes must give the same build wherever
 * they are loaded from.
 */
@Timeout(60)
class CodeDigestTest {
  @TempDir Path temp;

  @Test
  void whenOneClassChanges_thenTheDigestChanges() throws IOException {
    Path before = classes("before", "engine/A.class", new byte[] {1, 2, 3});
    Path after = classes("after", "engine/A.class", new byte[] {1, 2, 4});
    Path same = classes("same", "engine/A.class", new byte[] {1, 2, 3});

    assertEquals(CodeDigest.of(List.of(before)), CodeDigest.of(List.of(same)));
    assertNotEquals(CodeDigest.of(List.of(before)), CodeDigest.of(List.of(after)));
  }

  @Test
  void whenAClassMovesToAnotherPath_thenTheDigestChanges() throws IOException {
    Path here = classes("here", "engine/A.class", new byte[] {1});
    Path there = classes("there", "model/A.class", new byte[] {1});

    assertNotEquals(CodeDigest.of(List.of(here)), CodeDigest.of(List.of(there)));
  }

  @Test
  void whenTheSameClassesComeFromAJarOrFromFolders_thenTheDigestIsTheSame() throws IOException {
    Path engine = classes("engine-module", "engine/A.class", new byte[] {7, 7});
    Path model = classes("model-module", "model/B.class", new byte[] {8});
    Path jar = temp.resolve("rnicsim.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      entry(out, "org/rnicsim/model/B.class", new byte[] {8});
      entry(out, "org/rnicsim/engine/A.class", new byte[] {7, 7});
      entry(out, "org/other/Ignored.class", new byte[] {9}); // not rnicsim's: not part of it
    }

    assertEquals(CodeDigest.of(List.of(engine, model)), CodeDigest.of(List.of(jar)));
  }

  @Test
  void whenRunFromThisBuild_thenTheBuildNamesTheVersionAndADigestOfTwelveHexDigits() {
    String build = BuildInfo.build();

    assertTrue(build.startsWith(BuildInfo.version() + "+"), build);
    assertTrue(build.substring(build.indexOf('+') + 1).matches("[0-9a-f]{12}"), build);
    assertEquals(build, BuildInfo.build());
  }

  private Path classes(String folder, String pathUnderRnicsim, byte[] content) throws IOException {
    Path root = temp.resolve(folder);
    Path file = root.resolve("org/rnicsim").resolve(pathUnderRnicsim);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    Files.write(root.resolve("README.txt"), new byte[] {42}); // not a class: not part of it
    return root;
  }

  private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream stream = out;
    stream.write(content);
    out.closeEntry();
  }
}
