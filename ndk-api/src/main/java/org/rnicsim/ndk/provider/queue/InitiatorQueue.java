package org.rnicsim.ndk.provider.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;
import org.rnicsim.ndk.provider.work.WorkQueuePair;
import org.rnicsim.ndk.provider.work.WorkRequest;

/**
 * A QP's initiator queue as the provider keeps it (ndkpi-spec 5, 6): every request posted with
 * SUCCESS and not yet completed, and those of them written but not yet covered by a doorbell.
 *
 * <p>DEFER (invariants 21, 22): a DEFER post only writes its WQE; the next post without DEFER rings
 * one doorbell for the whole batch, and so does any initiator post that fails inline, so no
 * deferred request is left behind. The doorbell reaches the adapter {@code postCostPs} after the
 * post; requests flushed in the meantime are left out of it.
 *
 * <p>Drained: every rung request has been reported by the datapath or flushed, so no DMA of this
 * queue is in progress (what a Disconnect waits for, invariant 26). Written but unrung requests (a
 * DEFER chain) have not reached the adapter and do not count.
 */
final class InitiatorQueue {
  private final ProviderRuntime runtime;
  private final WorkQueuePair owner;
  // Oldest first. The hardware reports requests in post order (RC), so a completion removes the
  // head and a doorbell's batch sits at the tail: a deque scanned from the near end, where a hash
  // set cost two hash operations and an entry object per post (seen in bench model's profile).
  private final ArrayDeque<WorkRequest> outstanding = new ArrayDeque<>();
  private final List<WorkRequest> unrung = new ArrayList<>();
  private long doorbells;
  // Drains so far. Only a drain (flush) takes a request away before its doorbell reached the
  // datapath, which completes nothing it was not given; a doorbell that saw no drain since it was
  // rung carries its whole batch without looking each request up.
  private long drains;
  // Told, in the order they asked, once the queue is drained.
  private final List<Runnable> drainWaiters = new ArrayList<>();
  // Fired doorbell events, ready for reuse (see Doorbell).
  private Doorbell spareDoorbells;

  InitiatorQueue(ProviderRuntime runtime, WorkQueuePair owner) {
    this.runtime = runtime;
    this.owner = owner;
  }

  int outstandingCount() {
    return outstanding.size();
  }

  int unrungCount() {
    return unrung.size();
  }

  long doorbells() {
    return doorbells;
  }

  /** A post accepted with SUCCESS; rings unless it may wait for the rest of its DEFER chain. */
  void post(WorkRequest request, boolean mayWait) {
    outstanding.add(request);
    if (!mayWait && unrung.isEmpty()) {
      ring(request, null, 1); // the usual post: a doorbell for itself alone, past the unrung list
      return;
    }
    unrung.add(request);
    if (!mayWait) {
      ringDoorbell();
    }
  }

  /** Covers every written request with one doorbell. */
  void ringDoorbell() {
    if (unrung.isEmpty()) {
      return;
    }
    // One request (no DEFER chain) travels without a list.
    WorkRequest single = unrung.size() == 1 ? unrung.get(0) : null;
    List<WorkRequest> batch = single != null ? null : List.copyOf(unrung);
    int batchSize = unrung.size();
    unrung.clear();
    ring(single, batch, batchSize);
  }

  /** Rings one doorbell for {@code single} alone, or else for {@code batch}. */
  private void ring(WorkRequest single, List<WorkRequest> batch, int batchSize) {
    doorbells++;
    Trace trace = runtime.simulator().trace();
    if (trace.isOn()) {
      long nowPs = runtime.nowPs();
      trace.emit(
          new ProviderTraceEvent.DoorbellRung(
              nowPs, String.valueOf(owner), batchSize, nowPs + runtime.policy().postCostPs()));
    }
    Doorbell doorbell = spareDoorbells;
    if (doorbell != null) {
      spareDoorbells = doorbell.nextSpare;
      doorbell.nextSpare = null;
    } else {
      doorbell = new Doorbell();
    }
    doorbell.single = single;
    doorbell.batch = batch;
    doorbell.drainsWhenRung = drains;
    runtime.simulator().schedule(doorbell, runtime.policy().postCostPs());
  }

  /**
   * A doorbell on its way to the adapter, an event rather than a lambda and an event. Fired ones
   * are kept for the next doorbells: a new one per post was a tenth of the NDK write loop's heap
   * allocation (bench model). As many exist as doorbells were ever in flight at once.
   */
  private final class Doorbell extends SimEvent {
    private WorkRequest single; // the whole batch when it is one request, else null
    private List<WorkRequest> batch;
    private long drainsWhenRung;
    private Doorbell nextSpare;

    @Override
    protected void fire() {
      WorkRequest single = this.single;
      List<WorkRequest> batch = this.batch;
      long drainsWhenRung = this.drainsWhenRung;
      // Spare again before the adapter sees it, which may ring this queue's next doorbell.
      this.single = null;
      this.batch = null;
      nextSpare = spareDoorbells;
      spareDoorbells = this;
      if (single != null) {
        if (drains == drainsWhenRung || isOutstanding(single)) {
          runtime.engine().initiatorDoorbell(owner, single);
        }
        return;
      }
      List<WorkRequest> live = drains == drainsWhenRung ? batch : stillOutstanding(batch);
      if (!live.isEmpty()) {
        runtime.engine().initiatorDoorbell(owner, live);
      }
    }
  }

  /** The requests of {@code batch} not flushed since it was written: usually all of them. */
  private List<WorkRequest> stillOutstanding(List<WorkRequest> batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (!isOutstanding(batch.get(i))) {
        List<WorkRequest> live = new ArrayList<>(batch.subList(0, i));
        for (WorkRequest request : batch.subList(i + 1, batch.size())) {
          if (isOutstanding(request)) {
            live.add(request);
          }
        }
        return live;
      }
    }
    return batch;
  }

  /** A batch was posted last: look from the newest end. */
  private boolean isOutstanding(WorkRequest request) {
    for (Iterator<WorkRequest> newestFirst = outstanding.descendingIterator();
        newestFirst.hasNext(); ) {
      if (newestFirst.next() == request) {
        return true;
      }
    }
    return false;
  }

  /** {@code drained} runs once the queue is drained (class comment): now, or when it is. */
  void whenDrained(Runnable drained) {
    if (isDrained()) {
      drained.run();
    } else {
      drainWaiters.add(drained);
    }
  }

  private boolean isDrained() {
    return outstanding.size() == unrung.size(); // the unrung are a subset of the outstanding
  }

  /** Runs the drain waiters if the queue is drained now. */
  void tellIfDrained() {
    if (drainWaiters.isEmpty() || !isDrained()) {
      return;
    }
    List<Runnable> told = List.copyOf(drainWaiters);
    drainWaiters.clear();
    told.forEach(Runnable::run);
  }

  /** The hardware reports {@code request}; false if it was flushed already. */
  boolean complete(WorkRequest request) {
    if (outstanding.peekFirst() == request) {
      outstanding.pollFirst();
      return true;
    }
    for (Iterator<WorkRequest> oldestFirst = outstanding.iterator(); oldestFirst.hasNext(); ) {
      if (oldestFirst.next() == request) {
        oldestFirst.remove();
        return true;
      }
    }
    return false;
  }

  /** Takes every outstanding request away, oldest first, for cancelling. */
  List<WorkRequest> drain() {
    drains++;
    unrung.clear();
    runtime.engine().flush(owner);
    List<WorkRequest> all = new ArrayList<>(outstanding);
    outstanding.clear();
    return all;
  }
}
