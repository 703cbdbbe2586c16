package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** A listener: its pause state and the address it holds (invariants 27-29). */
final class ListenerShadow extends Shadow {

  boolean paused;

  /** The explicit address a successful Listen bound, or null. */
  NdkSockAddr address;

  ListenerShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }
}
