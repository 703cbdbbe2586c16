package org.rnicsim.model.adapter.transport;

import java.util.Arrays;
import java.util.function.Consumer;

/** QPs by number: a growable array, since QPNs are handed out densely from 1. */
final class QpTable {
  private QueuePair[] byQpn = new QueuePair[16];
  private int nextQpn = 1;
  private int live;

  int allocateQpn() {
    return nextQpn++;
  }

  void add(QueuePair qp) {
    if (qp.qpn >= byQpn.length) {
      byQpn = Arrays.copyOf(byQpn, Math.max(byQpn.length * 2, qp.qpn + 1));
    }
    byQpn[qp.qpn] = qp;
    live++;
  }

  QueuePair get(int qpn) {
    return qpn > 0 && qpn < byQpn.length ? byQpn[qpn] : null;
  }

  void remove(QueuePair qp) {
    if (get(qp.qpn) == qp) {
      byQpn[qp.qpn] = null;
      live--;
    }
  }

  int size() {
    return live;
  }

  void forEach(Consumer<QueuePair> action) {
    for (int i = 1; i < nextQpn && i < byQpn.length; i++) {
      if (byQpn[i] != null) {
        action.accept(byQpn[i]);
      }
    }
  }
}
