package org.rnicsim.experiments.rdma.sim;

/** A first-in first-out queue of timestamps that grows as needed, without boxing. */
final class LongFifo {
  private long[] items = new long[16];
  private int head;
  private int size;

  void add(long value) {
    if (size == items.length) {
      long[] larger = new long[items.length * 2];
      for (int i = 0; i < size; i++) {
        larger[i] = items[(head + i) % items.length];
      }
      items = larger;
      head = 0;
    }
    items[(head + size) % items.length] = value;
    size++;
  }

  long remove() {
    if (size == 0) {
      throw new IllegalStateException("empty");
    }
    long value = items[head];
    head = (head + 1) % items.length;
    size--;
    return value;
  }

  int size() {
    return size;
  }
}
