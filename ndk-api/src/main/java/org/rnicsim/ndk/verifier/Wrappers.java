package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.NdkSrq;

/** Makes the wrapper for a delivered object of each kind. */
final class Wrappers {

  private Wrappers() {}

  /**
   * The wrapper for {@code inner}, or {@code inner} itself if it is not the interface its type
   * promises (the caller reports that under invariant 4).
   */
  static NdkObject wrap(VerifierCore core, Shadow s, NdkObject inner) {
    switch (s.type()) {
      case CQ:
        return inner instanceof NdkCq cq ? new VerifyingCq(core, (CqShadow) s, cq) : inner;
      case PD:
        return inner instanceof NdkPd pd ? new VerifyingPd(core, s, pd) : inner;
      case QP:
        return inner instanceof NdkQp qp ? new VerifyingQp(core, (QpShadow) s, qp) : inner;
      case SRQ:
        return inner instanceof NdkSrq srq ? new VerifyingSrq(core, (SrqShadow) s, srq) : inner;
      case MR:
        return inner instanceof NdkMr mr ? new VerifyingMr(core, (MemoryShadow) s, mr) : inner;
      case MW:
        return inner instanceof NdkMw mw ? new VerifyingMw(core, (MemoryShadow) s, mw) : inner;
      case CONNECTOR:
        return inner instanceof NdkConnector c
            ? new VerifyingConnector(core, (ConnectorShadow) s, c)
            : inner;
      case LISTENER:
        return inner instanceof NdkListener l
            ? new VerifyingListener(core, (ListenerShadow) s, l)
            : inner;
      case SHARED_ENDPOINT:
        return inner instanceof NdkSharedEndpoint e
            ? new VerifyingSharedEndpoint(core, (EndpointShadow) s, e)
            : inner;
      default:
        return inner;
    }
  }
}
