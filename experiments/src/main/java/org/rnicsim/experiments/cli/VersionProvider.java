package org.rnicsim.experiments.cli;

import org.rnicsim.experiments.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code rnicsim --version}: the build (the Maven version the jar was built from and the digest of
 * its classes, as job fingerprints carry it), and the JVM running it.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "rnicsim " + BuildInfo.build(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
