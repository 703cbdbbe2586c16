package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * What every RDMA loop of a study moves, validated: each operation at each size is one case, the
 * operations outer, so a table lists one operation's sizes together.
 *
 * @param operations in the order the study lists them
 * @param sizesBytes message sizes, in the order the study lists them
 * @param inline whether a payload that fits the adapter's inline size travels inside the WQE, as
 *     perftest sends it
 * @param qpDepth send and receive queue depth of every QP, in WQEs
 * @param cqDepth depth of every CQ, in CQEs
 * @param qps QPs per client, used round robin
 */
public record Transfers(
    List<RdmaOperation> operations,
    List<Long> sizesBytes,
    boolean inline,
    int qpDepth,
    int cqDepth,
    int qps) {
  public Transfers {
    operations = List.copyOf(operations);
    sizesBytes = List.copyOf(sizesBytes);
  }

  /** One case per operation and size; the group of a case is its operation. */
  public CaseAxis cases() {
    List<Double> values = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (RdmaOperation operation : operations) {
      for (long size : sizesBytes) {
        values.add((double) size);
        groups.add(operation.label());
      }
    }
    return new CaseAxis("size", "B", values, "operation", groups);
  }

  public int caseCount() {
    return operations.size() * sizesBytes.size();
  }

  public RdmaOperation operation(int caseIndex) {
    return operations.get(caseIndex / sizesBytes.size());
  }

  public long sizeBytes(int caseIndex) {
    return sizesBytes.get(caseIndex % sizesBytes.size());
  }

  /** Whether case {@code caseIndex} sends its payload inline on {@code hardware}. */
  public boolean inline(int caseIndex, HardwareProfile hardware) {
    return inline
        && operation(caseIndex).canInline()
        && sizeBytes(caseIndex) <= hardware.adapter().maxInlineBytes();
  }

  /** "send, write; 4 sizes 32B..64KiB" for the one-line description. */
  public String describe() {
    List<String> names = operations.stream().map(RdmaOperation::label).toList();
    String sizes =
        sizesBytes.size() == 1
            ? SizeText.of(sizesBytes.get(0))
            : sizesBytes.size()
                + " sizes "
                + SizeText.of(sizesBytes.get(0))
                + ".."
                + SizeText.of(sizesBytes.get(sizesBytes.size() - 1));
    String qpText = qps == 1 ? "" : ", " + qps + " QPs round robin";
    return String.join("/", names) + ", " + sizes + qpText;
  }
}
