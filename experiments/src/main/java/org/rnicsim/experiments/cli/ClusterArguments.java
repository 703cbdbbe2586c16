package org.rnicsim.experiments.cli;

import java.util.List;
import org.rnicsim.experiments.cluster.ClusterOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reads {@code --cluster} and {@code --port} the same way for {@code sweep} and {@code worker}. */
final class ClusterArguments {
  private ClusterArguments() {}

  static List<String> members(String cluster, int port, CommandSpec spec) {
    int highest = 65535 - ClusterOptions.STUDY_PORTS;
    if (port < 1 || port > highest) {
      throw new ParameterException(
          spec.commandLine(),
          "--port must be 1 to "
              + highest
              + ", leaving the study ports after it (got "
              + port
              + ")");
    }
    try {
      return ClusterOptions.parseMembers(cluster);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
