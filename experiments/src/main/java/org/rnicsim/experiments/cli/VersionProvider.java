package org.rnicsim.experiments.cli;

import org.rnicsim.experiments.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code rnicsim --version}: the Maven version the jar was built from, plus the JVM running it. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "rnicsim " + BuildInfo.version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
