package org.rnicsim.model.testbed;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.fabric.Link;
import org.rnicsim.model.fabric.PortStatistics;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;

/**
 * A leaf-spine testbed with WRITE streams between chosen machines, for the fabric's tests: each
 * stream is a closed loop of WRITEs on its own QP, and counts the WRITEs that landed at the
 * responder, so sent and received bytes can be compared.
 */
final class LeafSpineRig {
  static final long SWITCH_LATENCY_PS = 100_000;

  final Testbed testbed;
  final List<Stream> streams = new ArrayList<>();

  /** One WRITE stream: its loop, its QPs and the WRITEs that landed at the responder. */
  static final class Stream {
    final int from;
    final int to;
    final long messageBytes;
    final long writes;
    final ConnectedPair pair;
    final ClosedLoopWriter writer;
    long landed;

    Stream(
        int from, int to, long messageBytes, long writes, ConnectedPair pair, ClosedLoopWriter w) {
      this.from = from;
      this.to = to;
      this.messageBytes = messageBytes;
      this.writes = writes;
      this.pair = pair;
      this.writer = w;
    }

    boolean done() {
      return writer.completed() >= writes || failed();
    }

    boolean failed() {
      return pair.a().qp().state() == QpState.ERROR || pair.b().qp().state() == QpState.ERROR;
    }
  }

  LeafSpineRig(HardwareProfile profile, LeafSpine shape, long bufferBytes, int machines) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < machines; i++) {
      names.add("nic" + i);
    }
    this.testbed =
        Testbed.builder(new RnicSimulator("leaf-spine"), profile)
            .names(names)
            .cabling(Cabling.leafSpine(SWITCH_LATENCY_PS, bufferBytes, shape))
            .streams(new RandomStreams(1, 0))
            .build();
    for (int i = 0; i < machines; i++) {
      testbed
          .node(i)
          .rnic()
          .setWriteLandedListener(
              qp -> {
                for (Stream stream : streams) {
                  if (stream.pair.b().qp() == qp) {
                    stream.landed++;
                  }
                }
              });
    }
  }

  /** A new QP pair from machine {@code from} to {@code to} with a loop of {@code writes} WRITEs. */
  Stream stream(int from, int to, long messageBytes, long writes, int window) {
    RnicSimulator simulator = testbed.simulator();
    var a = QpSetup.createEndpoint(simulator, testbed.node(from).rnic(), 64, 256);
    var b = QpSetup.createEndpoint(simulator, testbed.node(to).rnic(), 64, 256);
    QpSetup.connect(simulator, a, b);
    ConnectedPair pair = new ConnectedPair(a, b);
    ClosedLoopWriter writer =
        new ClosedLoopWriter(
            simulator,
            testbed.hardware().host(),
            testbed.node(from).host().core(0),
            pair,
            messageBytes,
            window,
            false);
    Stream stream = new Stream(from, to, messageBytes, writes, pair, writer);
    streams.add(stream);
    return stream;
  }

  /**
   * Starts every stream and runs until all are done or {@code limitMs} of simulated time passed.
   */
  void runAll(long limitMs) {
    RnicSimulator simulator = testbed.simulator();
    long deadlinePs = simulator.nowPs() + limitMs * SimTime.PS_PER_MS;
    streams.forEach(s -> s.writer.start(s.writes));
    simulator.runUntil(
        () -> simulator.nowPs() > deadlinePs || streams.stream().allMatch(Stream::done));
  }

  long switchDrops() {
    return testbed.switchDrops();
  }

  long pausesSent() {
    return testbed.switchPortStatistics().stream().mapToLong(PortStatistics::pfcPausesSent).sum();
  }

  /** Packets lost anywhere but in a switch: on a cable or in an adapter's receive path. */
  long otherLosses() {
    long lost = 0;
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < testbed.size(); i++) {
      links.add(testbed.cable(i));
    }
    links.addAll(testbed.spineLinks());
    for (Link link : links) {
      lost += link.aToB().lostPackets() + link.bToA().lostPackets();
    }
    for (int i = 0; i < testbed.size(); i++) {
      String name = testbed.node(i).rnic().name();
      lost += testbed.stats().counter(name + ".rx.dropped").count();
      lost += testbed.stats().counter(name + ".rxBuffer.drops").count();
    }
    return lost;
  }
}
