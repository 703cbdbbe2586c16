package org.rnicsim.model.adapter.completion;

/**
 * CQEs read from a {@link CompletionQueue} into reusable arrays: what a host-side poller fills with
 * {@link CompletionQueue#poll(int, CqeBatch)} when it reads CQEs as fast as they land and needs no
 * {@link Completion} object per CQE (the NDK provider's datapath). Fields are kept as the ring
 * keeps them, enums as ordinals.
 */
public final class CqeBatch {
  private long[] wrIds = new long[8];
  private int[] qpns = new int[8];
  private byte[] opcodes = new byte[8];
  private byte[] statuses = new byte[8];
  private long[] byteLengths = new long[8];
  private long[] landedPs = new long[8];
  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Forgets the CQEs read; the arrays stay for the next poll. */
  public void clear() {
    size = 0;
  }

  public long wrId(int index) {
    return wrIds[check(index)];
  }

  public WorkOpcode opcode(int index) {
    return CompletionQueue.OPCODES[opcodes[check(index)]];
  }

  public CompletionStatus status(int index) {
    return CompletionQueue.STATUSES[statuses[check(index)]];
  }

  public long landedPs(int index) {
    return landedPs[check(index)];
  }

  /** The {@code index}-th CQE as a {@link Completion}, for readers that keep one. */
  public Completion completion(int index) {
    int i = check(index);
    return new Completion(
        wrIds[i],
        qpns[i],
        CompletionQueue.OPCODES[opcodes[i]],
        CompletionQueue.STATUSES[statuses[i]],
        byteLengths[i],
        landedPs[i]);
  }

  void add(long wrId, int qpn, byte opcode, byte status, long byteLength, long landedAtPs) {
    if (size == wrIds.length) {
      grow();
    }
    wrIds[size] = wrId;
    qpns[size] = qpn;
    opcodes[size] = opcode;
    statuses[size] = status;
    byteLengths[size] = byteLength;
    landedPs[size] = landedAtPs;
    size++;
  }

  private int check(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("CQE " + index + " of " + size);
    }
    return index;
  }

  private void grow() {
    int length = wrIds.length * 2;
    wrIds = java.util.Arrays.copyOf(wrIds, length);
    qpns = java.util.Arrays.copyOf(qpns, length);
    opcodes = java.util.Arrays.copyOf(opcodes, length);
    statuses = java.util.Arrays.copyOf(statuses, length);
    byteLengths = java.util.Arrays.copyOf(byteLengths, length);
    landedPs = java.util.Arrays.copyOf(landedPs, length);
  }
}
