package org.rnicsim.ndk.provider;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.provider.cq.SimCq;

/**
 * A CQ on a {@link ProviderRig} that records each notification's status and start time, runs {@link
 * #inside} as the consumer's code in each, and lets a test land entries as the datapath does.
 */
final class WatchedCq {
  final ProviderRig rig;
  final List<NtStatus> statuses = new ArrayList<>();
  final List<Long> startsPs = new ArrayList<>();
  final SimCq cq;
  Runnable inside = () -> {};

  WatchedCq(ProviderRig rig, long depth) {
    this.rig = rig;
    this.cq =
        (SimCq)
            rig.cq(
                depth,
                (ctx, status) -> {
                  statuses.add(status);
                  startsPs.add(rig.now());
                  inside.run();
                },
                null);
  }

  void entry(NtStatus status, boolean solicited) {
    cq.queueEntry(new NdkResultEx(status, 0, "qp", "r", NdkOperationType.RECEIVE, 0, 0), solicited);
  }

  /** Queues an entry at absolute time {@code atPs}. */
  void entryAt(long atPs, NtStatus status, boolean solicited) {
    rig.sim.scheduleAt(atPs, () -> entry(status, solicited));
  }
}
