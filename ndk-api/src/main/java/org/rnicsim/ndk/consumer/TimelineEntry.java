package org.rnicsim.ndk.consumer;

import java.util.Objects;

/**
 * One line of a lesson's narration.
 *
 * @param timePs simulated time
 * @param actor who acted
 * @param kind what sort of entry
 * @param what the call, callback or hardware event ({@code CreateCq}, {@code CqNotification},
 *     {@code MSI-X})
 * @param object the script's name of the object it concerns, or empty
 * @param status the NTSTATUS (or other outcome) it reports, or empty
 * @param sentence a plain sentence on what it shows, citing the invariant
 * @param core the host core a callback, ISR or DPC ran on, or -1
 * @param endPs when a callback returns in modelled time; {@code timePs} for instants
 * @param host the host (adapter) it happened on, or empty when not known
 * @param cause the index in {@link Timeline#entries()} of the entry that caused this one (a call
 *     that issued a firmware command, the command that wrote an EQE, the MSI-X a DPC serves, the
 *     DPC that started a callback), or -1
 */
public record TimelineEntry(
    long timePs,
    Actor actor,
    EntryKind kind,
    String what,
    String object,
    String status,
    String sentence,
    int core,
    long endPs,
    String host,
    int cause) {

  public TimelineEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(host, "host");
  }

  /** The same entry with another sentence. */
  public TimelineEntry withSentence(String newSentence) {
    return new TimelineEntry(
        timePs, actor, kind, what, object, status, newSentence, core, endPs, host, cause);
  }

  /** The same entry on another core. */
  TimelineEntry withCore(int newCore) {
    return new TimelineEntry(
        timePs, actor, kind, what, object, status, sentence, newCore, endPs, host, cause);
  }

  /** The same entry placed on {@code newHost} and caused by entry {@code newCause}. */
  TimelineEntry placed(String newHost, int newCause) {
    return new TimelineEntry(
        timePs, actor, kind, what, object, status, sentence, core, endPs, newHost, newCause);
  }
}
