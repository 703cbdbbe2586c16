package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.random.SimRandom;

/**
 * Who sends to whom. All-to-all: every machine sends, each flow to a machine drawn uniformly among
 * the others. Incast: machines 1..N send, every flow to machine 0. Permutation: every machine sends
 * to one partner of a random derangement drawn once per replication, and receives from one.
 */
enum FlowPattern {
  ALL_TO_ALL("all-to-all"),
  INCAST("incast"),
  PERMUTATION("permutation");

  private final String fileName;

  FlowPattern(String fileName) {
    this.fileName = fileName;
  }

  String fileName() {
    return fileName;
  }

  /** The pattern written {@code name}, or null. */
  static FlowPattern named(String name) {
    for (FlowPattern pattern : values()) {
      if (pattern.fileName.equals(name)) {
        return pattern;
      }
    }
    return null;
  }

  /** The sending machines of {@code machines}. */
  int[] senders(int machines, int incastSenders) {
    int count = this == INCAST ? incastSenders : machines;
    int first = this == INCAST ? 1 : 0;
    int[] senders = new int[count];
    for (int i = 0; i < count; i++) {
      senders[i] = first + i;
    }
    return senders;
  }

  /**
   * Per machine, the machines it may send to (empty for a machine that does not send).
   *
   * @param permutation a random stream the permutation pattern draws its derangement from
   */
  List<int[]> destinations(int machines, int incastSenders, SimRandom permutation) {
    List<int[]> destinations = new ArrayList<>();
    int[] partner = this == PERMUTATION ? derangement(machines, permutation) : null;
    for (int m = 0; m < machines; m++) {
      destinations.add(
          switch (this) {
            case INCAST -> m >= 1 && m <= incastSenders ? new int[] {0} : new int[0];
            case PERMUTATION -> new int[] {partner[m]};
            case ALL_TO_ALL -> others(machines, m);
          });
    }
    return destinations;
  }

  private static int[] others(int machines, int self) {
    int[] others = new int[machines - 1];
    for (int m = 0, i = 0; m < machines; m++) {
      if (m != self) {
        others[i++] = m;
      }
    }
    return others;
  }

  /** A uniformly random permutation without fixed points (Fisher-Yates, redrawn until one). */
  private static int[] derangement(int machines, SimRandom random) {
    int[] partner = new int[machines];
    boolean fixedPoint = true;
    while (fixedPoint) {
      for (int m = 0; m < machines; m++) {
        partner[m] = m;
      }
      for (int m = machines - 1; m > 0; m--) {
        int j = (int) random.nextLong(m + 1);
        int swap = partner[m];
        partner[m] = partner[j];
        partner[j] = swap;
      }
      fixedPoint = false;
      for (int m = 0; m < machines; m++) {
        fixedPoint |= partner[m] == m;
      }
    }
    return partner;
  }
}
