package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Events scheduled through an {@link EventFifo} run in exactly the order, ties included, that
 * scheduling each of them directly gives: the same random program runs once with every event in the
 * list and once with the channels' events in FIFOs, and both logs must agree.
 */
class EventFifoTest {
  private static final int CHANNELS = 3;
  private static final int[] CHANNEL_PRIORITY = {
    RnicSimulator.PRIORITY_NORMAL, RnicSimulator.PRIORITY_HIGH, RnicSimulator.PRIORITY_NORMAL
  };

  @Test
  void fifoEventsRunInTheOrderDirectSchedulingGives() {
    for (long seed = 1; seed <= 40; seed++) {
      List<String> direct = new Program(seed, false).run();
      List<String> throughFifos = new Program(seed, true).run();
      assertTrue(direct.size() > 1000, "the program runs long enough to mean something");
      int same = 0;
      while (same < Math.min(direct.size(), throughFifos.size())
          && direct.get(same).equals(throughFifos.get(same))) {
        same++;
      }
      assertEquals(direct.size(), same, "seed " + seed + ": first difference at step " + same);
      assertEquals(direct.size(), throughFifos.size(), "seed " + seed);
    }
  }

  @Test
  void onlyTheFirstEventWaitsInTheListButAllCountAsPending() {
    RnicSimulator sim = new RnicSimulator("fifo");
    EventFifo fifo = new EventFifo(sim, RnicSimulator.PRIORITY_NORMAL);
    List<String> log = new ArrayList<>();
    Step first = new Step(fifo, log, "first");
    Step second = new Step(fifo, log, "second");
    Step third = new Step(fifo, log, "third");
    fifo.schedule(first, 10);
    fifo.schedule(second, 20);
    fifo.schedule(third, 20);
    sim.schedule(20, () -> log.add("direct"));

    assertTrue(first.isScheduled());
    assertFalse(second.isScheduled(), "waits in the FIFO, not in the list");
    assertEquals(20, second.timePs());
    assertEquals(4, sim.pendingEventCount());
    assertTrue(fifo.cancel(second));
    assertFalse(fifo.cancel(second), "cancelling twice reports false");
    assertEquals(3, sim.pendingEventCount());
    sim.runToEnd();

    assertEquals(List.of("first@10", "third@20", "direct"), log);
    assertEquals(0, sim.pendingEventCount());
    assertEquals(0, fifo.size());
  }

  @Test
  void cancellingTheFirstEventPutsTheNextInItsPlace() {
    RnicSimulator sim = new RnicSimulator("fifo");
    EventFifo fifo = new EventFifo(sim, RnicSimulator.PRIORITY_NORMAL);
    List<String> log = new ArrayList<>();
    Step first = new Step(fifo, log, "first");
    fifo.schedule(first, 10);
    fifo.schedule(new Step(fifo, log, "second"), 15);

    assertTrue(fifo.cancel(first));
    assertFalse(first.isScheduled());
    sim.runToEnd();

    assertEquals(List.of("second@15"), log);
  }

  @Test
  void anEventDueBeforeTheLastOneIsRefused() {
    RnicSimulator sim = new RnicSimulator("fifo");
    EventFifo fifo = new EventFifo(sim, RnicSimulator.PRIORITY_NORMAL);
    List<String> log = new ArrayList<>();
    fifo.schedule(new Step(fifo, log, "a"), 10);

    assertThrows(IllegalArgumentException.class, () -> fifo.schedule(new Step(fifo, log, "b"), 9));
    Step stranger = new Step(fifo, log, "stranger");
    assertThrows(IllegalStateException.class, () -> fifo.fired(stranger));
  }

  /** An event of a FIFO that logs itself. */
  private static final class Step extends SimEvent {
    private final EventFifo fifo;
    private final List<String> log;
    private final String name;

    Step(EventFifo fifo, List<String> log, String name) {
      this.fifo = fifo;
      this.log = log;
      this.name = name;
    }

    @Override
    protected void fire() {
      fifo.fired(this);
      log.add(name + "@" + timePs());
    }
  }

  /**
   * A random program: each event logs itself and schedules one or two more, on a channel (due in
   * order along it) or directly, with small delays so that many fall due together; now and then the
   * latest event of a channel is cancelled.
   */
  private static final class Program {
    private final RnicSimulator sim = new RnicSimulator("program");
    private final SplittableRandom random;
    private final boolean useFifos;
    private final EventFifo[] fifos = new EventFifo[CHANNELS];
    private final long[] lastPs = new long[CHANNELS];
    private final Probe[] latest = new Probe[CHANNELS];
    private final List<String> log = new ArrayList<>();
    private int nextId;

    Program(long seed, boolean useFifos) {
      this.random = new SplittableRandom(seed);
      this.useFifos = useFifos;
      for (int c = 0; c < CHANNELS; c++) {
        fifos[c] = new EventFifo(sim, CHANNEL_PRIORITY[c]);
      }
    }

    List<String> run() {
      for (int i = 0; i < 8; i++) {
        scheduleOne();
      }
      sim.runEvents(3000);
      return log;
    }

    private void scheduleOne() {
      int channel = random.nextInt(CHANNELS + 1) - 1;
      Probe probe = new Probe(this, nextId++, channel);
      long timePs = sim.nowPs() + random.nextInt(4);
      if (channel < 0) {
        int priority = random.nextInt(3) * 5;
        sim.reschedule(probe, timePs, priority);
        return;
      }
      timePs = Math.max(timePs, lastPs[channel] + random.nextInt(2));
      lastPs[channel] = timePs;
      latest[channel] = probe;
      if (useFifos) {
        fifos[channel].schedule(probe, timePs);
      } else {
        sim.reschedule(probe, timePs, CHANNEL_PRIORITY[channel]);
      }
    }

    void fired(Probe probe) {
      if (useFifos && probe.channel >= 0) {
        fifos[probe.channel].fired(probe);
      }
      log.add(probe.id + "@" + sim.nowPs() + " pending " + sim.pendingEventCount());
      scheduleOne();
      if (sim.pendingEventCount() < 40 && random.nextBoolean()) {
        scheduleOne();
      }
      if (random.nextInt(10) == 0) {
        int channel = random.nextInt(CHANNELS);
        Probe doomed = latest[channel];
        if (doomed != null) {
          boolean cancelled = useFifos ? fifos[channel].cancel(doomed) : sim.cancel(doomed);
          log.add("cancel " + doomed.id + ": " + cancelled);
          latest[channel] = null;
        }
      }
    }
  }

  private static final class Probe extends SimEvent {
    private final Program program;
    private final int id;
    private final int channel;

    Probe(Program program, int id, int channel) {
      this.program = program;
      this.id = id;
      this.channel = channel;
    }

    @Override
    protected void fire() {
      program.fired(this);
    }
  }
}
