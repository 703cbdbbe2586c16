package org.rnicsim.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.cluster.ClusterOptions;
import org.rnicsim.experiments.cluster.ClusterWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rnicsim worker --cluster HOST:PORT,...}: a cluster member that runs sweep jobs. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Join the lobby of rnicsim members and, for each 'rnicsim sweep FILE --cluster ...' that"
          + " appears there, that study's own cluster, running its jobs until its sweep is done;"
          + " until stopped (Ctrl-C leaves cleanly; unfinished jobs go to other members).",
      "Needs no study files: every job carries its study. Every machine must run the same"
          + " rnicsim version."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:left the cluster", "1:could not join", "2:bad arguments"})
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "Members to join (this one may be among them); TCP, no multicast.")
  String cluster;

  @Option(
      names = "--port",
      paramLabel = "P",
      description =
          "The lobby port this member listens on (default: ${DEFAULT-VALUE}); each study it"
              + " serves takes the next free of the "
              + ClusterOptions.STUDY_PORTS
              + " ports after it.")
  int port = ClusterOptions.DEFAULT_PORT;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Jobs run at once (default: all local cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    List<String> members = ClusterArguments.members(cluster, port, spec);
    if (jobs < 1) {
      throw new ParameterException(
          spec.commandLine(), "--jobs must be at least 1 (got " + jobs + ")");
    }
    ClusterWorker.serve(new ClusterOptions(members, port, jobs), spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
