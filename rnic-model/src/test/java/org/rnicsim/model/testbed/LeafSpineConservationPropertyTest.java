package org.rnicsim.model.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Conservation and liveness on random small leaf-spines under random WRITE streams between random
 * machines. With PFC, nothing is lost anywhere, every WRITE completes, and the bytes that landed
 * are the bytes sent. Without PFC and with a buffer of a few frames the switches drop, and RC
 * retransmission still completes every WRITE, or fails its QP (a reason the consumer sees), and
 * nothing lands twice. Each try is bounded in simulated time and, as jqwik runs outside JUnit's
 * timeout, in wall time too.
 */
class LeafSpineConservationPropertyTest {
  private static final HardwareProfile PROFILE =
      TestProfiles.withFastRetry(100 * SimTime.PS_PER_US, 100);
  private static final long EDR_BITS_PER_SECOND = PROFILE.port().rateBitsPerSecond();
  private static final Duration WALL_LIMIT = Duration.ofSeconds(60);
  private static final long SIMULATED_LIMIT_MS = 200;

  /** A fabric, and streams as (from, to, message size, WRITEs) drawn over its machines. */
  record Load(LeafSpine shape, int machines, List<int[]> streams) {}

  @Provide
  Arbitrary<Load> loads() {
    Arbitrary<LeafSpine> shapes =
        Combinators.combine(
                Arbitraries.integers().between(2, 3),
                Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(EDR_BITS_PER_SECOND / 2, EDR_BITS_PER_SECOND))
            .as(
                (leaves, spines, hosts, rate) ->
                    new LeafSpine(leaves, spines, hosts, rate, 500_000, true));
    return shapes.flatMap(
        shape -> {
          int machines = shape.maxMachines();
          Arbitrary<int[]> stream =
              Combinators.combine(
                      Arbitraries.integers().between(0, machines - 1),
                      Arbitraries.integers().between(1, machines - 1),
                      Arbitraries.of(1024, 4096, 16384),
                      Arbitraries.integers().between(5, 30))
                  .as(
                      (from, offset, bytes, writes) ->
                          new int[] {from, (from + offset) % machines, bytes, writes});
          return stream
              .list()
              .ofMinSize(1)
              .ofMaxSize(6)
              .map(list -> new Load(shape, machines, list));
        });
  }

  private static LeafSpineRig run(Load load, boolean pfc, long bufferBytes) {
    LeafSpine shape = load.shape();
    LeafSpine fabric =
        new LeafSpine(
            shape.leaves(),
            shape.spines(),
            shape.hostsPerLeaf(),
            shape.spineLinkBitsPerSecond(),
            shape.spineLinkDelayPs(),
            pfc);
    LeafSpineRig rig = new LeafSpineRig(PROFILE, fabric, bufferBytes, load.machines());
    for (int[] s : load.streams()) {
      rig.stream(s[0], s[1], s[2], s[3], 8);
    }
    rig.runAll(SIMULATED_LIMIT_MS);
    return rig;
  }

  @Property(tries = 25, seed = "16")
  void withPfcNothingIsLostAndEveryWriteCompletes(@ForAll("loads") Load load) {
    assertTimeoutPreemptively(
        WALL_LIMIT,
        () -> {
          // The least lossless buffer: the tightest the XOFF thresholds may be.
          long bufferBytes = load.shape().minimumBufferBytes(PROFILE.port());
          LeafSpineRig rig = run(load, true, bufferBytes);
          assertEquals(0, rig.switchDrops(), "PFC drops nothing in a switch");
          assertEquals(0, rig.otherLosses(), "nor on a cable or in an adapter");
          for (LeafSpineRig.Stream stream : rig.streams) {
            String which = stream.from + "->" + stream.to;
            assertEquals(
                stream.writes, stream.writer.completed(), which + ": every WRITE completed");
            assertEquals(
                stream.writes * stream.messageBytes,
                stream.landed * stream.messageBytes,
                which + ": bytes landed = bytes sent");
          }
        });
  }

  @Property(tries = 15, seed = "16")
  void withoutPfcDropsAreRecoveredOrTheQpFails(@ForAll("loads") Load load) {
    assertTimeoutPreemptively(
        WALL_LIMIT,
        () -> {
          LeafSpineRig rig = run(load, false, tinyBufferBytes());
          for (LeafSpineRig.Stream stream : rig.streams) {
            String which = stream.from + "->" + stream.to;
            assertTrue(stream.done(), which + ": every WRITE completed or the QP failed");
            if (!stream.failed()) {
              assertEquals(stream.writes, stream.writer.completed(), which);
              assertEquals(stream.writes, stream.landed, which + ": each WRITE landed once");
            }
          }
        });
  }

  /** Three senders on two leaves into one receiver, through a buffer of three frames: drops. */
  @Example
  void anIncastThroughATinyBufferDropsAndRetransmissionDeliversEverything() {
    assertTimeoutPreemptively(
        WALL_LIMIT,
        () -> {
          LeafSpine shape = new LeafSpine(2, 1, 2, EDR_BITS_PER_SECOND, 500_000, false);
          Load load =
              new Load(
                  shape,
                  4,
                  List.of(
                      new int[] {1, 0, 16384, 20},
                      new int[] {2, 0, 16384, 20},
                      new int[] {3, 0, 16384, 20}));
          LeafSpineRig rig = run(load, false, tinyBufferBytes());
          assertTrue(rig.switchDrops() > 0, "a 3:1 incast overflows three frames");
          for (LeafSpineRig.Stream stream : rig.streams) {
            assertEquals(20, stream.writer.completed());
            assertEquals(20, stream.landed);
          }
        });
  }

  private static long tinyBufferBytes() {
    return 3 * PfcBudget.forAdapterPorts(PROFILE.port()).maxFrameBytes();
  }
}
