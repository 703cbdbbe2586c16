package org.rnicsim.model.adapter.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.CongestionControlMode;

/**
 * Validation of DCQCN on the model in the paper's incast shape (docs/calibration-dcqcn.md): eight
 * senders WRITE without pause into one receiver through a 100 Gb/s switch marking with the paper's
 * RED (Kmin 5 KB, Kmax 200 KB, Pmax 1 %), PFC on. The tolerances are the document's; the numbers
 * measured with seed 1 are in its table.
 */
@Timeout(120)
class DcqcnIncastTest {
  private static final int SENDERS = 8;
  private static final long MS = SimTime.PS_PER_MS;
  private static final double LINE = 100e9;
  private static final double FAIR = LINE / SENDERS;

  /** The paper's parameters at 100 Gb/s need about 15 ms to recover from the first incast burst. */
  private static final long CONVERGED_MS = 20;

  private static final long MEASURED_MS = 20;

  @Test
  void afterConvergenceEverySenderHoldsItsFairShareTheQueueStaysBetweenKminAndKmaxAndPfcIsQuiet() {
    IncastRig rig = new IncastRig(SENDERS, CongestionControlMode.DCQCN, 1).start();
    rig.advance(CONVERGED_MS * MS);
    int from = rig.samples();
    long pausesAtConvergence = rig.pauses();
    rig.advance(MEASURED_MS * MS);
    int to = rig.samples();

    double sum = 0;
    double squares = 0;
    for (int i = 0; i < SENDERS; i++) {
      double rate = rig.throughput(i, from, to);
      sum += rate;
      squares += rate * rate;
      assertTrue(
          Math.abs(rate / FAIR - 1) <= 0.25,
          "sender " + i + " at " + rate / 1e9 + " Gb/s, fair share " + FAIR / 1e9);
    }
    assertTrue(sum >= 0.95 * LINE, "the bottleneck stays full: " + sum / 1e9 + " Gb/s");
    double jain = sum * sum / (SENDERS * squares);
    assertTrue(jain >= 0.95, "Jain's fairness index " + jain);

    int between = 0;
    for (int s = from; s < to; s++) {
      long queue = rig.queueBytes.get(s);
      if (queue >= IncastRig.PAPER_RED.kminBytes() && queue <= IncastRig.PAPER_RED.kmaxBytes()) {
        between++;
      }
    }
    double share = between / (double) (to - from);
    assertTrue(share >= 0.9, "queue between Kmin and Kmax in " + share + " of the samples");

    assertEquals(pausesAtConvergence, rig.pauses(), "no PFC pause once DCQCN has converged");
    assertTrue(rig.cnpsSent() > 0 && rig.ecnMarks() > rig.cnpsSent(), "marks answered by CNPs");
  }

  @Test
  void withoutCongestionControlPfcPausesTheSendersFarMoreOftenAndTheQueueFillsTheBuffer() {
    IncastRig none = new IncastRig(SENDERS, CongestionControlMode.NONE, 1).start().advance(5 * MS);
    IncastRig dcqcn = new IncastRig(SENDERS, CongestionControlMode.DCQCN, 1).start();
    dcqcn.advance(40 * MS);

    assertEquals(0, none.cnpsSent(), "none answers no marks");
    assertTrue(
        dcqcn.pauses() * 10 < none.pauses(),
        "DCQCN in 40 ms: " + dcqcn.pauses() + " pauses; none in 5 ms: " + none.pauses());
    long lastQueue = none.queueBytes.get(none.samples() - 1);
    assertTrue(lastQueue > 4 * IncastRig.PAPER_RED.kmaxBytes(), "none: queue " + lastQueue + " B");
  }

  @Test
  void theSameSeedGivesTheSameMarksAndAnotherSeedOthers() {
    IncastRig first = new IncastRig(SENDERS, CongestionControlMode.DCQCN, 7).start();
    IncastRig again = new IncastRig(SENDERS, CongestionControlMode.DCQCN, 7).start();
    IncastRig other = new IncastRig(SENDERS, CongestionControlMode.DCQCN, 8).start();
    // 16 ms: long enough for the queue to sit between Kmin and Kmax, where marks are random.
    first.advance(16 * MS);
    again.advance(16 * MS);
    other.advance(16 * MS);
    assertEquals(first.ecnMarks(), again.ecnMarks());
    assertEquals(first.queueBytes, again.queueBytes);
    assertTrue(first.ecnMarks() != other.ecnMarks() || !first.queueBytes.equals(other.queueBytes));
  }
}
