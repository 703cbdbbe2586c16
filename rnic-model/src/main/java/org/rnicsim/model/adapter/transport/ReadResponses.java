package org.rnicsim.model.adapter.transport;

import java.util.ArrayDeque;

/**
 * A responder QP's READ requests being answered, oldest first. Each request's data is read from
 * host memory one response packet at a time; responses leave strictly in PSN order, a response only
 * once as many reads have returned as responses have been sent plus one (all but the last are the
 * same size, so which read returned does not change the timing).
 */
final class ReadResponses {
  final ArrayDeque<Job> jobs = new ArrayDeque<>(4);

  /** One READ request: its PSN range, source buffer and progress. */
  static final class Job {
    final int firstPsn;
    final int responses;
    final long sourceAddress;
    final int sourceKey;
    final long lengthBytes;
    final long requestArrivalPs;
    int readsArrived;
    int sent;

    Job(
        int firstPsn,
        int responses,
        long sourceAddress,
        int sourceKey,
        long lengthBytes,
        long requestArrivalPs) {
      this.firstPsn = firstPsn;
      this.responses = responses;
      this.sourceAddress = sourceAddress;
      this.sourceKey = sourceKey;
      this.lengthBytes = lengthBytes;
      this.requestArrivalPs = requestArrivalPs;
    }

    long chunkBytes(int index, long mtuBytes) {
      return Math.min(mtuBytes, lengthBytes - index * mtuBytes);
    }
  }
}
