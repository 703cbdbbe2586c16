package org.rnicsim.experiments.rdma.sim;

import java.util.Locale;
import org.rnicsim.model.adapter.completion.WorkOpcode;

/** The operations a perftest-style loop issues, named as study files write them. */
public enum RdmaOperation {
  SEND(WorkOpcode.SEND),
  WRITE(WorkOpcode.RDMA_WRITE),
  READ(WorkOpcode.RDMA_READ);

  private final WorkOpcode opcode;

  RdmaOperation(WorkOpcode opcode) {
    this.opcode = opcode;
  }

  public WorkOpcode opcode() {
    return opcode;
  }

  /** As written in a study file and shown in tables: {@code send}, {@code write}, {@code read}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operation called {@code text}, any case, or null. */
  public static RdmaOperation of(String text) {
    for (RdmaOperation operation : values()) {
      if (operation.name().equalsIgnoreCase(text.strip())) {
        return operation;
      }
    }
    return null;
  }

  /** Whether the payload can travel inside the WQE: a READ has none to carry. */
  public boolean canInline() {
    return this != READ;
  }
}
