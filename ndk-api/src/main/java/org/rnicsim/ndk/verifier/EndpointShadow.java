package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** A shared endpoint and the address it holds (invariant 29). */
final class EndpointShadow extends Shadow {

  /** The explicit address it was created on, or null for port 0. */
  NdkSockAddr address;

  EndpointShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }
}
