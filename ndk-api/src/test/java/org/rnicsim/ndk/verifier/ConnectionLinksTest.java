package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * Connect makes the connector a successor of its QP (ndkpi-spec 3), so the QP's close may not
 * complete while the connector is open (invariant 10); a Connect that failed made no link.
 */
class ConnectionLinksTest {

  private static final NdkSockAddr LOCAL = NdkSockAddr.of("10.0.0.1", 0);
  private static final NdkSockAddr PEER = NdkSockAddr.of("10.0.0.2", 6000);

  private final Rig rig = new Rig();
  private final NdkCq cq = rig.cq();
  private final NdkQp qp = rig.qp(rig.pd(), cq, "qp");

  private NdkConnector connectAnswered(NtStatus answer) {
    NdkConnector connector = rig.connector();
    connector.connect(qp, LOCAL, PEER, 4, 4, null, (ctx, status) -> {}, null);
    rig.fake.last("Connect").completeRequest(answer);
    return connector;
  }

  @Test
  void invariant10_qpCloseCompletingWhileItsConnectorIsOpenIsReported() {
    connectAnswered(NtStatus.SUCCESS);
    qp.closeObject(ctx -> {}, null);
    rig.verifier.audit();
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), found::toString);
    Violation v = found.get(0);
    assertEquals(10, v.invariantNumber(), v::toString);
    assertEquals(Side.PROVIDER, v.side());
    assertTrue(v.object().toString().startsWith("QP"), v::toString);
    assertTrue(v.happened().contains("CONNECTOR"), v::toString);
  }

  @Test
  void invariant10_qpCloseAfterItsConnectFailedIsClean() {
    connectAnswered(NtStatus.CONNECTION_REFUSED);
    qp.closeObject(ctx -> {}, null);
    rig.assertClean();
  }
}
