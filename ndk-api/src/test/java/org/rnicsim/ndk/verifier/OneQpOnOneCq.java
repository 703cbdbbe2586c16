package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;

/** A verified fake provider with one QP whose initiator and receive queues share one CQ. */
abstract class OneQpOnOneCq {

  final Rig rig = new Rig();
  final NdkCq cq = rig.cq();
  final NdkQp qp = rig.qp(rig.pd(), cq, "qp");
  final FakeQueues.FakeCq fakeCq = rig.inner(cq);
  final FakeQueues.FakeQp fakeQp = rig.inner(qp);
  private int nextPost;

  /** A Write that completes into the CQ at once. */
  void completedWrite(NtStatus status) {
    qp.write("w" + nextPost, Rig.SGL, 0, 0, 0);
    fakeQp.complete(fakeQp.post(nextPost++), status);
  }
}
