package org.rnicsim.ndk.consumer;

/** Who does what a timeline entry reports. */
public enum Actor {
  /** The scripted consumer: its calls, and its code inside callbacks. */
  CONSUMER("consumer"),
  /** The NDK provider: callbacks it starts, doorbells it rings. */
  PROVIDER("provider"),
  /** The RNIC: firmware commands, CQEs, event queue entries. */
  ADAPTER("adapter"),
  /** MSI-X messages and interrupt service routines. */
  INTERRUPT("interrupt"),
  /** Deferred procedure calls draining event queues. */
  DPC("DPC"),
  /** The lifetime verifier's findings. */
  VERIFIER("verifier");

  private final String label;

  Actor(String label) {
    this.label = label;
  }

  /** The word the narration prints. */
  public String label() {
    return label;
  }
}
