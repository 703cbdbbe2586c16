package org.rnicsim.experiments.rdma.sim;

/** Message sizes as people read them: 32B, 4KiB, 1MiB. */
public final class SizeText {
  private SizeText() {}

  public static String of(long bytes) {
    if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
      return bytes / (1L << 30) + "GiB";
    }
    if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
      return bytes / (1L << 20) + "MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + "KiB";
    }
    return bytes + "B";
  }
}
