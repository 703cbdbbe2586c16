package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** A long run that creates and closes objects keeps the verifier's memory bounded. */
class ChurnTest {

  @Test
  void closedObjectsAreForgottenOnceNothingCanBeReportedAboutThem() {
    Rig rig = new Rig();
    AdapterShadow adapter = (AdapterShadow) ((VerifyingObject) rig.adapter).shadow;
    for (int i = 0; i < 10_000; i++) {
      NdkPd pd = rig.pd();
      NdkConnector connector = rig.connector();
      connector.connect(
          rig.qp(pd, rig.cq(), "qp" + i),
          NdkSockAddr.of("10.0.0.1", 1 + i % 60_000),
          NdkSockAddr.of("10.0.0.2", 9),
          1,
          1,
          null,
          (ctx, status) -> {},
          null);
      rig.fake.last("Connect").completeRequest(NtStatus.CONNECTION_REFUSED);
      connector.closeObject(ctx -> {}, null);
      rig.advance(1_000);
    }
    // PDs, CQs and QPs stay open here, so only connectors can go: 4 objects per round, 1 closed.
    assertTrue(
        adapter.descendants.size() <= 3 * 10_000 + 512, "size " + adapter.descendants.size());
    assertTrue(rig.verifier.violations().isEmpty(), rig.verifier::report);
  }
}
