package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * A QP created on two different CQs is a successor of each (ndkpi-spec 1, invariant 10), and the
 * entries of its receives are matched on the receive CQ as those of its requests are on the
 * initiator CQ (invariant 23).
 */
class QpLinksTest {

  private final Rig rig = new Rig();
  private final NdkPd pd = rig.pd();
  private final NdkCq receiveCq = rig.cq();
  private final NdkCq initiatorCq = rig.cq();
  private final NdkQp qp =
      pd.createQp(receiveCq, initiatorCq, "qp", 16, 16, 2, 2, 0, null, null).object();

  private void assertOnly10On(String closedCq) {
    rig.verifier.audit();
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(10, v.invariantNumber(), v::toString);
    assertEquals(closedCq, v.object().toString(), v::toString);
    assertTrue(v.happened().contains("QP"), v::toString);
  }

  @Test
  void invariant10_receiveCqClosingUnderItsOpenQpIsReported() {
    receiveCq.closeObject(ctx -> {}, null);
    assertOnly10On("CQ#1");
  }

  @Test
  void invariant10_initiatorCqClosingUnderItsOpenQpIsReported() {
    initiatorCq.closeObject(ctx -> {}, null);
    assertOnly10On("CQ#2");
  }

  @Test
  void invariant23_receiveEntryOnTheReceiveCqIsMatchedToTheQp() {
    FakeQueues.FakeQp fake = rig.inner(qp);
    assertEquals(NtStatus.SUCCESS, qp.receive("r", Rig.SGL));
    assertEquals(NtStatus.SUCCESS, qp.send("s", Rig.SGL, 0));
    fake.complete(fake.post(0), NtStatus.SUCCESS);
    fake.complete(fake.post(1), NtStatus.SUCCESS);
    rig.assertClean();
  }
}
