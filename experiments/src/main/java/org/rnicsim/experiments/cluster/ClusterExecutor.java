package org.rnicsim.experiments.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.rnicsim.experiments.BuildInfo;
import org.rnicsim.experiments.progress.Progress;
import org.rnicsim.experiments.run.StudyRunner;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobExecutor;
import org.rnicsim.experiments.sweep.JobResult;
import org.rnicsim.experiments.sweep.JobRunner;
import org.rnicsim.experiments.sweep.JobStore;

/**
 * The driver's side of {@code rnicsim sweep --cluster}: this process founds the study's own
 * cluster, announces it in the lobby of the members listed (workers join it from there), hands each
 * member at most as many jobs as it runs at once (largest first, as on one machine), and writes
 * each result into the results folder as it comes back. A job whose member left or died goes back
 * to the front of the queue for another member; members that join mid-sweep get work at once.
 * Results are the same bytes as a local run's, as every job is a pure function of itself.
 */
public final class ClusterExecutor implements JobExecutor {
  private final ClusterOptions options;
  private final String studyText;
  private final String studyId;

  /** Members known to have planned the study: their jobs go without its text. */
  private final java.util.Set<UUID> planned = new java.util.HashSet<>();

  private final PrintWriter log;

  /** This process's member of the study's own cluster, where the jobs go. */
  private HazelcastInstance member;

  /** This process's member of the lobby, where workers learn of the study; it carries no jobs. */
  private HazelcastInstance lobby;

  private int handedOutAgain;
  private long overheadNanos;
  private int repliesTimed;

  private ClusterExecutor(ClusterOptions options, String studyText, PrintWriter log) {
    this.options = options;
    this.studyText = studyText;
    this.studyId = JobMessages.idOf(studyText);
    this.log = log;
  }

  /**
   * Runs a study's jobs on the cluster {@code members} name, this process a member on {@code port},
   * notes on membership going to {@code log}.
   */
  public static StudyRunner.ExecutorChoice choice(List<String> members, int port, PrintWriter log) {
    return (Path file, Study study, int threads) ->
        new ClusterExecutor(
            new ClusterOptions(members, port, threads), JobMessages.studyText(file, study), log);
  }

  /** Jobs handed out again because their member left, over this executor's runs. */
  public int handedOutAgain() {
    return handedOutAgain;
  }

  /**
   * What the cluster path added to a job, on average over this executor's runs: from building the
   * job's message to its reply arriving, less the job's own time on the member (JSON both ways,
   * Hazelcast's hand-over, the network, the member looking up its plan).
   */
  public double meanOverheadMillis() {
    return repliesTimed == 0 ? Double.NaN : overheadNanos / 1e6 / repliesTimed;
  }

  /** Forgets the overhead measured so far, so a benchmark times only its measured runs. */
  public void resetOverhead() {
    overheadNanos = 0;
    repliesTimed = 0;
  }

  @Override
  public Map<String, JobResult> run(List<Job> jobs, JobStore store, Progress progress)
      throws IOException, InterruptedException {
    Map<String, JobResult> results = new HashMap<>();
    if (jobs.isEmpty()) {
      return results;
    }
    if (member == null) {
      // Only now: a rerun with nothing missing starts no member. The study cluster first, so the
      // lobby member can say where it is.
      member =
          ClusterMember.startStudy(
              options, ClusterMember.studyName(BuildInfo.version(), studyId), List.of(), null);
      String studyAddress = address(member.getCluster().getLocalMember());
      lobby =
          ClusterMember.startLobby(
              options,
              Map.of(
                  ClusterMember.STUDY_ATTRIBUTE,
                  member.getConfig().getClusterName() + "@" + studyAddress));
      note(
          "study cluster %s at %s, announced in lobby %s at %s",
          member.getConfig().getClusterName(),
          studyAddress,
          lobby.getConfig().getClusterName(),
          address(lobby.getCluster().getLocalMember()));
    }
    IExecutorService executor = member.getExecutorService(ClusterMember.EXECUTOR);
    Deque<Job> pending = new ArrayDeque<>(JobRunner.largestFirst(jobs));
    Map<UUID, Integer> busy = new HashMap<>();
    BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
    Map<String, Integer> ranBy = new java.util.TreeMap<>();
    int seenMembers = 0;
    while (results.size() < jobs.size()) {
      var members = member.getCluster().getMembers();
      if (members.size() != seenMembers) {
        seenMembers = members.size();
        note("%d member(s), %d job slots", seenMembers, slots(members));
      }
      for (Member target : members) {
        while (!pending.isEmpty() && busy.getOrDefault(target.getUuid(), 0) < capacity(target)) {
          Job job = pending.poll();
          busy.merge(target.getUuid(), 1, Integer::sum);
          long sentAt = System.nanoTime();
          executor.submitToMember(
              new SweepTask(
                  JobMessages.job(
                      studyId, planned.contains(target.getUuid()) ? null : studyText, job)),
              target,
              callback(job, target, sentAt, done));
        }
      }
      Outcome outcome = done.poll(200, TimeUnit.MILLISECONDS);
      if (outcome == null) {
        continue;
      }
      busy.merge(outcome.member().getUuid(), -1, Integer::sum);
      if (outcome.reply() != null) {
        planned.add(outcome.member().getUuid());
        JobMessages.JobReply reply =
            JobMessages.MAPPER.readValue(outcome.reply(), JobMessages.JobReply.class);
        store.write(outcome.job(), reply.result());
        results.put(outcome.job().fileName(), reply.result());
        progress.jobDone(
            reply.result().eventsExecuted(), reply.cpuNanos(), outcome.job().relativeCost());
        overheadNanos += outcome.roundTripNanos() - reply.wallNanos();
        repliesTimed++;
        ranBy.merge(address(outcome.member()), 1, Integer::sum);
      } else if (unknownStudy(outcome.failure())) {
        // The member lost its plan (or never had it): the next job to it carries the text.
        planned.remove(outcome.member().getUuid());
        pending.addFirst(outcome.job());
      } else if (memberGone(outcome.failure())) {
        pending.addFirst(outcome.job());
        handedOutAgain++;
        note(
            "member %s left with %s unfinished; handed out again",
            address(outcome.member()), outcome.job().fileName());
      } else {
        throw failure(outcome);
      }
    }
    note("%d job(s) ran: %s; %d handed out again", jobs.size(), ranBy, handedOutAgain);
    return results;
  }

  /** A job's answer: the reply's JSON, or why there is none, and how long it took to come. */
  private record Outcome(
      Job job, Member member, String reply, Throwable failure, long roundTripNanos) {}

  private static ExecutionCallback<String> callback(
      Job job, Member target, long sentAt, BlockingQueue<Outcome> done) {
    return new ExecutionCallback<>() {
      @Override
      public void onResponse(String reply) {
        done.add(new Outcome(job, target, reply, null, System.nanoTime() - sentAt));
      }

      @Override
      public void onFailure(Throwable failure) {
        done.add(new Outcome(job, target, null, failure, System.nanoTime() - sentAt));
      }
    };
  }

  private static boolean unknownStudy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownStudyException) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code failure} says the member is gone, not that the job failed. */
  private static boolean memberGone(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RetryableException
          || t instanceof HazelcastInstanceNotActiveException
          || t instanceof RejectedExecutionException) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException failure(Outcome outcome) {
    Throwable cause = outcome.failure();
    while (cause.getCause() != null && !(cause instanceof ClusterException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ClusterException refused) {
      return new ClusterException(
          refused.getMessage() + " (member " + address(outcome.member()) + ")");
    }
    return new IllegalStateException(
        "job " + outcome.job().fileName() + " failed on member " + address(outcome.member()),
        outcome.failure());
  }

  private static int capacity(Member target) {
    try {
      return Math.max(1, Integer.parseInt(target.getAttribute(ClusterMember.THREADS_ATTRIBUTE)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static int slots(Iterable<Member> members) {
    int slots = 0;
    for (Member target : members) {
      slots += capacity(target);
    }
    return slots;
  }

  static String address(Member target) {
    return target.getAddress().getHost() + ":" + target.getAddress().getPort();
  }

  private void note(String format, Object... args) {
    log.printf(Locale.ROOT, "cluster: " + format + "%n", args);
    log.flush();
  }

  @Override
  public void close() {
    // The lobby first: workers hear that the study is over and leave its cluster themselves.
    if (lobby != null) {
      lobby.shutdown();
      lobby = null;
    }
    if (member != null) {
      member.shutdown();
      member = null;
    }
  }
}
