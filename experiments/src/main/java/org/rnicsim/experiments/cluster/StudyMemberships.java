package org.rnicsim.experiments.cluster;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

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

  /** How often a worker tries to join a study's cluster before it leaves that study alone. */
  private static final int JOIN_ATTEMPTS = 3;

  /** Joins and leaves, off Hazelcast's event threads; studies are joined side by side. */
  private final ExecutorService changes =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "rnicsim-worker-studies");
            thread.setDaemon(true);
            return thread;
          });

  /** This worker's study members by the driver's lobby member; guarded by {@code this}. */
  private final Map<UUID, HazelcastInstance> byDriver = new HashMap<>();

  /** Drivers that left the lobby (a UUID is never reused); guarded by {@code this}. */
  private final Set<UUID> gone = new HashSet<>();

  private boolean closed;

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
    synchronized (this) {
      gone.add(driver);
    }
    later(() -> leave(driver));
  }

  private void memberAdded(Member member) {
    String study = member.getAttribute(ClusterMember.STUDY_ATTRIBUTE);
    if (study != null) {
      UUID driver = member.getUuid();
      later(() -> join(driver, study));
    }
  }

  /**
   * Joins {@code study}, {@code CLUSTER-NAME@HOST:PORT} as the driver announced it. A busy machine
   * can keep the driver from answering within the join's wait; then this member founds a cluster of
   * its own, which it leaves at once to try again.
   */
  private void join(UUID driver, String study) {
    int at = study.lastIndexOf('@');
    if (at <= 0) {
      return;
    }
    String name = study.substring(0, at);
    String driverAddress = study.substring(at + 1);
    for (int attempt = 1; attempt <= JOIN_ATTEMPTS && !over(driver); attempt++) {
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
      if (reached && keep(driver, member)) {
        note(
            "joined study cluster %s at %s as %s",
            name, driverAddress, ClusterExecutor.address(member.getCluster().getLocalMember()));
        return;
      }
      member.shutdown();
    }
    if (!over(driver)) {
      note(
          "cannot reach study cluster %s at %s: open the study ports (--port + 1 to + %d)",
          name, driverAddress, ClusterOptions.STUDY_PORTS);
    }
  }

  /** Runs {@code change} on a thread of its own; nothing once the worker stops. */
  private void later(Runnable change) {
    try {
      changes.execute(change);
    } catch (RejectedExecutionException stopping) {
      // leaveAll has left every study already.
    }
  }

  private synchronized boolean over(UUID driver) {
    return closed || gone.contains(driver);
  }

  /** Keeps {@code member} as the one serving {@code driver}'s study, unless that is over. */
  private synchronized boolean keep(UUID driver, HazelcastInstance member) {
    if (over(driver) || byDriver.containsKey(driver)) {
      return false;
    }
    byDriver.put(driver, member);
    return true;
  }

  private void leave(UUID driver) {
    HazelcastInstance member;
    synchronized (this) {
      member = byDriver.remove(driver);
    }
    if (member != null) {
      String name = member.getConfig().getClusterName();
      member.shutdown();
      note("left study cluster %s (its driver left)", name);
    }
  }

  /** Leaves every study cluster, as the worker stops. */
  void leaveAll() {
    List<HazelcastInstance> members;
    synchronized (this) {
      closed = true;
      members = List.copyOf(byDriver.values());
      byDriver.clear();
    }
    changes.shutdown();
    members.forEach(HazelcastInstance::shutdown);
  }

  private void note(String format, Object... args) {
    log.printf(java.util.Locale.ROOT, "worker: " + format + "%n", args);
    log.flush();
  }
}
