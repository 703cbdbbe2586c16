package org.rnicsim.experiments.rdma.sim;

import java.util.Locale;

/**
 * Which QP a client posts its next request on. perftest's bandwidth loops take the QPs in turn; the
 * FaSST / rdma_bench swarm benchmark behind calibration Q1 draws one uniformly at random for every
 * request, which is what the published QP-scaling curves measure (see
 * docs/calibration-qp-scaling.md).
 */
public enum QpChoice {
  ROUND_ROBIN,
  RANDOM;

  /** The word a study file uses: {@code round-robin} or {@code random}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The choice a study file names, or null if it names none. */
  public static QpChoice of(String text) {
    for (QpChoice choice : values()) {
      if (choice.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return choice;
      }
    }
    return null;
  }
}
