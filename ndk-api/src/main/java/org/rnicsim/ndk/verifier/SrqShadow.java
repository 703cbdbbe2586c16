package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;

/** An SRQ: its receives and its one-shot threshold arm (invariants 19, 32). */
final class SrqShadow extends Shadow {

  final List<PostRecord> pending = new ArrayList<>();

  /** SrqReceive posts that returned SUCCESS. */
  long posted;

  /** Receive completions of this SRQ the verifier has seen. */
  long consumed;

  boolean armed;
  long armedThreshold;

  /** When a ModifySrq made a notification due at once, or -1. */
  long owedSincePs = -1;

  boolean dead;

  /** The close was issued while a QP was on the SRQ, so its receives owe CANCELLED entries. */
  boolean flushOwed;

  SrqShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }

  /** An upper bound on the receives queued now: posted minus those seen completing. */
  long queuedAtMost() {
    return posted - consumed;
  }
}
