package org.rnicsim.experiments.cli;

import java.util.List;
import org.rnicsim.experiments.cluster.ClusterOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reads {@code --cluster} and {@code --port} the same way for {@code sweep} and {@code worker}. */
final class ClusterArguments {
  private ClusterArguments() {}

  static List<String> members(String cluster, int port, CommandSpec spec) {
    if (port < 1 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port must be a port number, 1 to 65535 (got " + port + ")");
    }
    try {
      return ClusterOptions.parseMembers(cluster);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
