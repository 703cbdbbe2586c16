package org.rnicsim.ndk.verifier;

/** An MR or MW: its remote token as read by the consumer, and invalidation by a peer (24). */
final class MemoryShadow extends Shadow {

  /** The last remote token the consumer read, or null. */
  Integer remoteToken;

  /**
   * When a ReceiveAndInvalidate invalidated the token, or -1 (re-validated by FastRegister/Bind).
   */
  long invalidatedByReceivePs = -1;

  MemoryShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }
}
