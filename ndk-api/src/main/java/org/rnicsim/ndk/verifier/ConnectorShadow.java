package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** A connector: its QP, where it came from, and its disconnect history (invariants 25-29). */
final class ConnectorShadow extends Shadow {

  QpShadow qp;

  /** The explicit source address of an NdkConnect (its private endpoint), or null. */
  NdkSockAddr privateSource;

  boolean disconnectIssued;

  /** When the local NdkDisconnect finished, or -1. */
  long disconnectDonePs = -1;

  int disconnectEvents;

  ConnectorShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }
}
