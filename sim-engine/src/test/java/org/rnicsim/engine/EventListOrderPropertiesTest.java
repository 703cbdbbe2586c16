package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event list against a plain reference, a sorted set on (time, priority, insertion order),
 * under random interleavings of scheduling, taking out, cancelling and clearing, with events reused
 * as the model's hot paths reuse them. Delays span 0 ps to hours so that events land in every
 * bucket of the list's radix heap, and some steps schedule before the time last taken out, which
 * the simulator refuses but the list must still order. Half the runs lower the list's small-list
 * thresholds so that a few dozen events move between the near heap alone and the buckets often.
 */
class EventListOrderPropertiesTest {
  private static final int EVENTS = 64;

  /** One step of a program; what it does depends on {@code kind} (see {@link #run}). */
  record Step(int kind, int delayBits, long raw, int priority, int pick) {}

  private static final class Probe extends SimEvent {
    final int id;

    Probe(int id) {
      this.id = id;
    }

    @Override
    protected void fire() {}

    @Override
    public String toString() {
      return "event " + id + " at " + timePs() + " ps";
    }
  }

  private record Key(long timePs, int priority, long sequence, Probe event) {}

  private static final Comparator<Key> EXECUTION_ORDER =
      Comparator.comparingLong(Key::timePs)
          .thenComparing(Comparator.comparingInt(Key::priority).reversed())
          .thenComparingLong(Key::sequence);

  @Property(tries = 300, seed = "16")
  void eventsComeOutInTheReferenceOrder(
      @ForAll("programs") List<Step> program, @ForAll boolean lowThresholds) {
    run(program, lowThresholds ? new EventList(4, 16) : new EventList());
  }

  @Provide
  Arbitrary<List<Step>> programs() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 19),
                Arbitraries.integers().between(0, 50),
                Arbitraries.longs(),
                Arbitraries.integers().between(EventList.MIN_PRIORITY, EventList.MAX_PRIORITY),
                Arbitraries.integers().between(0, EVENTS - 1))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(600);
  }

  private static void run(List<Step> program, EventList list) {
    TreeSet<Key> reference = new TreeSet<>(EXECUTION_ORDER);
    Key[] waiting = new Key[EVENTS];
    Probe[] probes = new Probe[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      probes[i] = new Probe(i);
    }
    long sequence = 0;
    long lastTakenPs = 0;
    for (Step step : program) {
      Probe probe = probes[step.pick()];
      if (step.kind() < 10) {
        if (waiting[probe.id] != null) {
          continue;
        }
        long timePs = timeOf(step, lastTakenPs);
        list.add(probe, timePs, step.priority());
        Key key = new Key(timePs, step.priority(), sequence++, probe);
        reference.add(key);
        waiting[probe.id] = key;
      } else if (step.kind() < 16) {
        if (reference.isEmpty()) {
          continue;
        }
        assertEquals(reference.first().timePs(), list.firstTimePs(), "earliest time");
        Key expected = reference.pollFirst();
        SimEvent taken = list.removeFirst();
        assertSame(expected.event(), taken, "event taken out");
        assertEquals(expected.timePs(), taken.timePs());
        assertFalse(taken.isScheduled());
        waiting[expected.event().id] = null;
        lastTakenPs = expected.timePs();
      } else if (step.kind() < 19) {
        Key key = waiting[probe.id];
        assertEquals(key != null, list.remove(probe), "cancel reports whether it was waiting");
        if (key != null) {
          reference.remove(key);
          waiting[probe.id] = null;
        }
        assertFalse(probe.isScheduled());
      } else if (step.raw() % 8 == 0) {
        list.clear();
        reference.clear();
        Arrays.fill(waiting, null);
        for (Probe each : probes) {
          assertFalse(each.isScheduled());
        }
      }
      assertEquals(reference.size(), list.size(), "waiting events");
    }
    List<Probe> expected = reference.stream().map(Key::event).toList();
    List<Probe> drained = new ArrayList<>();
    while (list.size() > 0) {
      assertEquals(reference.pollFirst().timePs(), list.firstTimePs(), "earliest time");
      drained.add((Probe) list.removeFirst());
    }
    assertEquals(expected, drained);
  }

  /**
   * A time at or after the last one taken out, by a delay of up to {@code 2^delayBits} ps (0 most
   * often, as models schedule at the current time), or now and then before it.
   */
  private static long timeOf(Step step, long lastTakenPs) {
    long raw = step.raw();
    if (raw % 23 == 0) {
      return lastTakenPs - Math.floorMod(raw >> 8, 1L << 40);
    }
    if (step.delayBits() < 6) {
      return lastTakenPs;
    }
    long delayPs = (raw >>> 1) & ((1L << step.delayBits()) - 1);
    return lastTakenPs + delayPs;
  }
}
