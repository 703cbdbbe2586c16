package org.rnicsim.ndk.consumer;

/** What a timeline entry is. */
public enum EntryKind {
  /** A consumer call and the status it returned. */
  CALL,
  /** The provider starts a consumer callback on a core; it runs until the entry's end time. */
  CALLBACK,
  /** A callback returns (in modelled time). */
  CALLBACK_RETURN,
  /** Something the hardware did: a firmware command finished, a CQE or EQE landed, a doorbell. */
  HARDWARE,
  /** An interrupt or a DPC. */
  INTERRUPT,
  /** A measurement or remark of the lesson. */
  NOTE,
  /** The lifetime verifier found a broken invariant. */
  VIOLATION
}
