package org.rnicsim.ndk.provider.work;

/**
 * The WQEs one {@link InitiatorRing} has rung and not yet seen completed, oldest first: each one's
 * hardware wrId and the provider's request. Two parallel circular arrays, so ringing a WQE
 * allocates nothing (a pair object per WQE showed in bench model's allocation profile).
 */
final class SentWqes {
  private long[] wrIds = new long[16];
  private WorkRequest[] requests = new WorkRequest[16];
  private int oldest;
  private int size;

  int size() {
    return size;
  }

  void add(long wrId, WorkRequest request) {
    if (size == wrIds.length) {
      grow();
    }
    int slot = (oldest + size) & (wrIds.length - 1);
    wrIds[slot] = wrId;
    requests[slot] = request;
    size++;
  }

  /** The wrId of the {@code index}-th oldest WQE (0 is the oldest). */
  long wrIdAt(int index) {
    return wrIds[(oldest + index) & (wrIds.length - 1)];
  }

  long oldestWrId() {
    if (size == 0) {
      throw new IllegalStateException("no WQE is rung");
    }
    return wrIds[oldest];
  }

  WorkRequest removeOldest() {
    if (size == 0) {
      throw new IllegalStateException("no WQE is rung");
    }
    WorkRequest request = requests[oldest];
    requests[oldest] = null;
    oldest = (oldest + 1) & (wrIds.length - 1);
    size--;
    return request;
  }

  /** Doubles the arrays (their length stays a power of two), oldest first from index 0. */
  private void grow() {
    long[] newWrIds = new long[wrIds.length * 2];
    WorkRequest[] newRequests = new WorkRequest[wrIds.length * 2];
    for (int i = 0; i < size; i++) {
      int slot = (oldest + i) & (wrIds.length - 1);
      newWrIds[i] = wrIds[slot];
      newRequests[i] = requests[slot];
    }
    wrIds = newWrIds;
    requests = newRequests;
    oldest = 0;
  }
}
