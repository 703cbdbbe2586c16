package org.rnicsim.ndk.verifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;

/** A CQ: its arm state and, when the provider reports entries, what it holds (invariants 14-18). */
final class CqShadow extends Shadow {

  /** Polls and arms from callbacks, by their modelled spans (consumer rule C4). */
  final ModelledCalls modelledCalls = new ModelledCalls();

  /** The effective arm (the strongest since the last notification), or null if not armed. */
  NdkCqNotificationType armed;

  /** Every ArmCq type since the last notification, to tell invariant 16 from 14. */
  final List<NdkCqNotificationType> armsSinceFire = new ArrayList<>(2);

  /** Event sequence number of the last notification's start; entries after it are "fresh". */
  long lastNotificationSeq;

  /** When the CQ reported BUFFER_OVERFLOW or INTERNAL_ERROR, or -1 (invariant 18). */
  long errorPs = -1;

  NtStatus errorStatus;

  /** Entries the provider reported queued and the consumer has not dequeued (ProviderProbe). */
  final ArrayDeque<QueuedEntry> queued = new ArrayDeque<>();

  /**
   * QPs using this CQ by their QPContext (identity), for matching entries fast on CQs shared by
   * many QPs; {@link #SHARED_CONTEXT} where several QPs use one context.
   */
  final Map<Object, QpShadow> qpsByContext = new IdentityHashMap<>();

  static final QpShadow SHARED_CONTEXT = new QpShadow(null, null, null, 0);

  /** The invariant a notification is owed under (14, 16 or 17), or null if none is owed. */
  Invariant owedBy;

  long owedSincePs;
  String owedWhy;

  CqShadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    super(ref, parent, adapter, historyDepth);
  }

  void addQp(QpShadow qp) {
    qpsByContext.merge(qp.qpContext, qp, (a, b) -> a == b ? a : SHARED_CONTEXT);
  }

  /** An entry the provider reported through {@link ProviderProbe#cqEntryQueued}. */
  record QueuedEntry(long seq, boolean error) {}
}
