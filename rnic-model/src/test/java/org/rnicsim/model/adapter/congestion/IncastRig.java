package org.rnicsim.model.adapter.congestion;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.fabric.EcnMarking;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.profile.CongestionControlMode;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.ClosedLoopWriter;
import org.rnicsim.model.testbed.StarTestbed;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * The DCQCN paper's incast shape on the model: {@code senders} machines WRITE without pause (64 KiB
 * messages, 16 outstanding) through one switch into a receiver's port, each on its own QP. Every
 * {@link #SAMPLE_PS} it samples the receiver's switch egress queue and each sender's port bytes, so
 * a test can read per-sender throughput over time, the queue and the PFC pauses.
 */
final class IncastRig {
  static final long SAMPLE_PS = 10 * SimTime.PS_PER_US;
  static final long BUFFER_BYTES = 1 << 20;

  /** Paper, section 5: Kmin = 5 KB, Kmax = 200 KB, Pmax = 1 %. */
  static final EcnMarking PAPER_RED = new EcnMarking(5_000, 200_000, 0.01);

  final int senders;
  final StarTestbed star;
  final List<long[]> senderBytes = new ArrayList<>();
  final List<Long> queueBytes = new ArrayList<>();
  final List<ConnectedPair> pairs = new ArrayList<>();
  private final long[] previous;

  IncastRig(int senders, CongestionControlMode mode, long seed) {
    this.senders = senders;
    HardwareProfile base = TestProfiles.small();
    HardwareProfile profile = base.withCongestionControl(base.congestionControl().withMode(mode));
    PortProfile port = profile.port();
    int machines = senders + 1;
    long xoff = PfcBudget.forAdapterPorts(port).xoffBytes(BUFFER_BYTES, senders);
    SwitchConfig config =
        new SwitchConfig(
                machines,
                port.rateBitsPerSecond(),
                100_000,
                port.txLatencyPs(),
                port.rxLatencyPs(),
                BUFFER_BYTES,
                true,
                xoff,
                xoff / 2)
            .withEcn(PAPER_RED);
    this.star = new StarTestbed(profile, machines, config, seed);
    this.previous = new long[senders];
  }

  int receiver() {
    return senders;
  }

  /** Starts every sender's WRITE loop (run them with {@link #advance}). */
  IncastRig start() {
    List<ClosedLoopWriter> writers = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      ConnectedPair pair = star.connectPair(i, receiver(), 64, 256);
      pairs.add(pair);
      writers.add(
          new ClosedLoopWriter(
              star.simulator(),
              star.profile().host(),
              star.host(i).core(0),
              pair,
              64 * 1024,
              16,
              false));
    }
    for (int i = 0; i < senders; i++) {
      previous[i] = txBytes(i);
    }
    writers.forEach(w -> w.start(Long.MAX_VALUE / 2));
    return this;
  }

  /** Runs {@code durationPs} more, sampling every {@link #SAMPLE_PS}. */
  IncastRig advance(long durationPs) {
    long end = star.simulator().nowPs() + durationPs;
    while (star.simulator().nowPs() < end) {
      star.simulator().runUntil(star.simulator().nowPs() + SAMPLE_PS);
      long[] sample = new long[senders];
      for (int i = 0; i < senders; i++) {
        long now = txBytes(i);
        sample[i] = now - previous[i];
        previous[i] = now;
      }
      senderBytes.add(sample);
      queueBytes.add(star.fabricSwitch().port(receiver()).backlogBytes());
    }
    return this;
  }

  /** Samples taken so far. */
  int samples() {
    return queueBytes.size();
  }

  long txBytes(int sender) {
    return star.stats().counter("nic" + sender + ".port.txWireBytes").count();
  }

  /** Sender {@code i}'s throughput over samples [from, to), in bits per second. */
  double throughput(int i, int from, int to) {
    long bytes = 0;
    for (int s = from; s < to; s++) {
      bytes += senderBytes.get(s)[i];
    }
    return bytes * 8e12 / ((to - from) * (double) SAMPLE_PS);
  }

  long pauses() {
    long pauses = 0;
    for (int i = 0; i < senders; i++) {
      pauses += star.fabricSwitch().pauses(i);
    }
    return pauses;
  }

  long cnpsSent() {
    return star.nic(receiver()).dcqcn() == null ? 0 : star.nic(receiver()).dcqcn().cnpsSent();
  }

  long ecnMarks() {
    return star.stats().counter("switch.out" + receiver() + ".ecnMarks").count();
  }
}
