package org.rnicsim.experiments.cluster;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A worker's members of study clusters, one per driver in the lobby: it joins a study's cluster
 * when the driver's lobby member appears (or is there when the worker arrives) and leaves it when
 * that member leaves the lobby, whether its sweep is done or it died. All the studies it serves
 * share the worker's {@code --jobs} slots.
 */
final class StudyMemberships implements InitialMembershipListener {
  private final ClusterOptions options;
  private final Semaphore slots;
  private final PrintWriter log;

  /** Joins and leaves in the order the lobby saw them, off Hazelcast's event threads. */
  private final ExecutorService changes =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "rnicsim-worker-studies");
            thread.setDaemon(true);
            return thread;
          });

  /** By the driver's lobby member; touched by {@link #changes}' thread only. */
  private final Map<UUID, HazelcastInstance> byDriver = new HashMap<>();

  StudyMemberships(ClusterOptions options, PrintWriter log) {
    this.options = options;
    this.slots = new Semaphore(options.threads(), true);
    this.log = log;
  }

  @Override
  public void init(InitialMembershipEvent event) {
    event.getMembers().forEach(this::memberAdded);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    memberAdded(event.getMember());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    UUID driver = event.getMember().getUuid();
    changes.execute(() -> leave(driver, "its driver left"));
  }

  private void memberAdded(Member member) {
    String study = member.getAttribute(ClusterMember.STUDY_ATTRIBUTE);
    if (study != null) {
      UUID driver = member.getUuid();
      changes.execute(() -> join(driver, study));
    }
  }

  /** Joins {@code study}, {@code CLUSTER-NAME@HOST:PORT} as the driver announced it. */
  private void join(UUID driver, String study) {
    int at = study.lastIndexOf('@');
    if (at <= 0 || byDriver.containsKey(driver)) {
      return;
    }
    String name = study.substring(0, at);
    String driverAddress = study.substring(at + 1);
    HazelcastInstance member;
    try {
      member = ClusterMember.startStudy(options, name, List.of(driverAddress), slots);
    } catch (ClusterException e) {
      note("cannot serve study cluster %s: %s", name, e.getMessage());
      return;
    }
    boolean reached =
        member.getCluster().getMembers().stream()
            .anyMatch(m -> ClusterExecutor.address(m).equals(driverAddress));
    if (!reached) {
      // Alone in a cluster of its own: the driver's study port is closed to this machine.
      member.shutdown();
      note(
          "cannot reach study cluster %s at %s: open the study ports (--port + 1 to + %d)",
          name, driverAddress, ClusterOptions.STUDY_PORTS);
      return;
    }
    byDriver.put(driver, member);
    note(
        "joined study cluster %s at %s as %s",
        name, driverAddress, ClusterExecutor.address(member.getCluster().getLocalMember()));
  }

  private void leave(UUID driver, String why) {
    HazelcastInstance member = byDriver.remove(driver);
    if (member != null) {
      String name = member.getConfig().getClusterName();
      member.shutdown();
      note("left study cluster %s (%s)", name, why);
    }
  }

  /** Leaves every study cluster, as the worker stops. */
  void leaveAll() {
    changes.shutdownNow();
    try {
      changes.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byDriver.values().forEach(HazelcastInstance::shutdown);
    byDriver.clear();
  }

  private void note(String format, Object... args) {
    log.printf(java.util.Locale.ROOT, "worker: " + format + "%n", args);
    log.flush();
  }
}
