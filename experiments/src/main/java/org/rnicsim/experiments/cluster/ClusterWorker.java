package org.rnicsim.experiments.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code rnicsim worker}: a member of the lobby that joins each driver's study cluster as the
 * driver appears and runs that study's jobs until the driver leaves, until it is stopped itself.
 * Ctrl-C (or SIGTERM) leaves every cluster gracefully; the jobs it was running go back to their
 * driver's queue for another member.
 */
public final class ClusterWorker implements AutoCloseable {
  private final HazelcastInstance lobby;
  private final StudyMemberships studies;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ClusterWorker(HazelcastInstance lobby, StudyMemberships studies) {
    this.lobby = lobby;
    this.studies = studies;
    lobby
        .getLifecycleService()
        .addLifecycleListener(
            event -> {
              if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
              }
            });
  }

  /** Starts a worker member; it runs jobs until {@link #close()}. */
  public static ClusterWorker start(ClusterOptions options, PrintWriter log) {
    JobHandler.INSTANCE.logTo(log);
    ClusterWorker worker =
        new ClusterWorker(
            ClusterMember.startLobby(options, Map.of()), new StudyMemberships(options, log));
    log.printf(
        "worker: in lobby %s at %s, running up to %d job(s) at once; Ctrl-C leaves%n",
        worker.lobby.getConfig().getClusterName(),
        ClusterExecutor.address(worker.lobby.getCluster().getLocalMember()),
        options.threads());
    log.flush();
    // After the line above: a driver already in the lobby is joined at once.
    worker.lobby.getCluster().addMembershipListener(worker.studies);
    return worker;
  }

  /**
   * The worker process {@code rnicsim bench sweep --cluster} starts: arguments members
   * (HOST:PORT,...), port and jobs, already checked by the benchmark. It is started by this class's
   * name because the benchmark sits below the command line; users start workers with {@code rnicsim
   * worker}.
   */
  public static void main(String[] args) throws InterruptedException {
    ClusterOptions options =
        new ClusterOptions(
            ClusterOptions.parseMembers(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]));
    serve(options, new PrintWriter(System.out, true));
  }

  /** Starts a worker and serves until the process is told to stop. */
  public static void serve(ClusterOptions options, PrintWriter log) throws InterruptedException {
    ClusterWorker worker = start(options, log);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.println("worker: leaving the cluster");
                  log.flush();
                  worker.close();
                },
                "rnicsim-worker-leave"));
    worker.stopped.await();
  }

  @Override
  public void close() {
    studies.leaveAll();
    lobby.shutdown();
  }
}
