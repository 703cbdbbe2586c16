package org.rnicsim.experiments.dma;

import java.util.List;

/** Which DMAs the benchmark keeps in flight; read-write runs both loops at once. */
enum DmaDirection {
  READ("read", true, false),
  WRITE("write", false, true),
  READ_WRITE("read-write", true, true);

  private final String fileName;
  private final boolean reads;
  private final boolean writes;

  DmaDirection(String fileName, boolean reads, boolean writes) {
    this.fileName = fileName;
    this.reads = reads;
    this.writes = writes;
  }

  String fileName() {
    return fileName;
  }

  boolean reads() {
    return reads;
  }

  boolean writes() {
    return writes;
  }

  static DmaDirection fromFileName(String name) {
    for (DmaDirection d : values()) {
      if (d.fileName.equals(name)) {
        return d;
      }
    }
    return null;
  }

  static List<String> fileNames() {
    return List.of(READ.fileName, WRITE.fileName, READ_WRITE.fileName);
  }
}
