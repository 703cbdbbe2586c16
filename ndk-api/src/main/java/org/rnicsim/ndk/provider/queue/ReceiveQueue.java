package org.rnicsim.ndk.provider.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.WorkRequest;

/**
 * Receives posted to a QP's receive queue or to an SRQ: the hardware may consume one only after its
 * doorbell has arrived, {@code postCostPs} after the post.
 */
final class ReceiveQueue {
  private final ProviderRuntime runtime;
  private final ArrayDeque<WorkRequest> posted = new ArrayDeque<>();
  private int rung;

  ReceiveQueue(ProviderRuntime runtime) {
    this.runtime = runtime;
  }

  int size() {
    return posted.size();
  }

  /** Queues a receive; {@code onRung} runs when its doorbell reaches the adapter. */
  void post(WorkRequest receive, Runnable onRung) {
    posted.addLast(receive);
    runtime
        .simulator()
        .schedule(
            runtime.policy().postCostPs(),
            () -> {
              if (posted.contains(receive)) {
                rung++;
                onRung.run();
              }
            });
  }

  /** The oldest rung receive, removed; null if none. */
  WorkRequest take() {
    if (rung == 0) {
      return null;
    }
    rung--;
    return posted.pollFirst();
  }

  /** Takes every receive away, oldest first, for cancelling. */
  List<WorkRequest> drain() {
    List<WorkRequest> all = new ArrayList<>(posted);
    posted.clear();
    rung = 0;
    return all;
  }
}
