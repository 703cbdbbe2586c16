package org.rnicsim.model.testbed;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.profile.HostProfile;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;

/**
 * A closed loop of signalled RDMA WRITEs on one QP, as ib_write_bw runs with a fixed number of
 * requests outstanding: {@code window} WRITEs are posted at the start, and each time the polling
 * core sees send completions it posts as many new WRITEs and rings the doorbell once. Polling and
 * posting cost the profile's CPU times on one core.
 */
public final class ClosedLoopWriter {
  private final RnicSimulator simulator;
  private final HostProfile host;
  private final Rnic nic;
  private final QueuePair qp;
  private final CompletionQueue cq;
  private final CpuCore core;
  private final long messageBytes;
  private final int window;
  private final boolean inline;
  private final CpuCore.Work detectWork;
  private final Runnable postAndRing = this::postAndRing;
  private final Runnable ringDoorbell = this::ringDoorbell;
  private long target;
  private long posted;
  private long completed;
  private int toPost;
  private boolean detectPending;

  public ClosedLoopWriter(
      BackToBackTestbed testbed,
      ConnectedPair pair,
      long messageBytes,
      int window,
      boolean inline) {
    this(testbed, pair, messageBytes, window, inline, 0);
  }

  /** As above, polling and posting on core {@code coreIndex} of the requester's host. */
  public ClosedLoopWriter(
      BackToBackTestbed testbed,
      ConnectedPair pair,
      long messageBytes,
      int window,
      boolean inline,
      int coreIndex) {
    this(
        testbed.simulator(),
        testbed.profile().host(),
        testbed.host(0).core(coreIndex),
        pair,
        messageBytes,
        window,
        inline);
  }

  /**
   * A loop on any fabric: the requester is {@code pair.a()}, polling and posting on {@code core}.
   */
  public ClosedLoopWriter(
      RnicSimulator simulator,
      HostProfile host,
      CpuCore core,
      ConnectedPair pair,
      long messageBytes,
      int window,
      boolean inline) {
    this.simulator = simulator;
    this.host = host;
    this.nic = pair.a().nic();
    this.qp = pair.a().qp();
    this.cq = pair.a().sendCq();
    this.core = core;
    this.messageBytes = messageBytes;
    this.window = window;
    this.inline = inline;
    this.detectWork =
        new CpuCore.Work(CpuWorkKind.CONSUMER, host.cqPollDetectPs(), () -> {}, this::poll);
    cq.setListener(
        landed -> {
          if (!detectPending) {
            detectPending = true;
            core.submit(detectWork);
          }
        });
  }

  /** WRITEs completed so far. */
  public long completed() {
    return completed;
  }

  /** Runs until {@code operations} more WRITEs have completed; returns the events executed. */
  public long run(long operations) {
    start(operations);
    return simulator.runUntil(() -> completed >= target);
  }

  /**
   * Starts {@code operations} more WRITEs without running the simulation, so several loops can run
   * side by side; {@link #completed()} tells when they are done.
   */
  public void start(long operations) {
    target = completed + operations;
    if (posted == completed) {
      toPost = (int) Math.min(window, target - posted);
      core.submit(postWork(toPost));
    } else {
      refill();
    }
  }

  private void poll() {
    detectPending = false;
    int landed = cq.consume(Integer.MAX_VALUE);
    completed += landed;
    refill();
  }

  private void refill() {
    long inFlight = posted - completed;
    int more = (int) Math.min(window - inFlight, target - posted);
    if (more > 0 && toPost == 0) {
      toPost = more;
      core.submit(postWork(more));
    }
  }

  private CpuCore.Work postWork(int count) {
    return new CpuCore.Work(
        CpuWorkKind.POST, count * host.postSendCpuPs(), postAndRing, ringDoorbell);
  }

  private void postAndRing() {
    for (int i = 0; i < toPost; i++) {
      SendWorkRequest request =
          new SendWorkRequest(
              posted,
              WorkOpcode.RDMA_WRITE,
              0x1000_0000L,
              messageBytes,
              0x2000_0000L,
              true,
              inline);
      if (!nic.postSend(qp, request)) {
        throw new IllegalStateException("send queue smaller than the window: " + qp.describe());
      }
      posted++;
    }
    toPost = 0;
  }

  private void ringDoorbell() {
    nic.ringSendDoorbell(qp);
    refill();
  }
}
