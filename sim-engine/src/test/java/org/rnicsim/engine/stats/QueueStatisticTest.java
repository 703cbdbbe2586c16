package org.rnicsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;

class QueueStatisticTest {
  private final RnicSimulator sim = new RnicSimulator("queue-statistic");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);

  @Test
  void itemsStillInsideAtTheEndCountOnlyTheirStaySoFarAndNotAsDepartures() {
    QueueStatistic queue = stats.queue("q");
    // At 0: one item 0..40, one 10..30 (known ahead, as an arithmetic server knows them).
    queue.record(0, 40);
    queue.record(10, 30);
    sim.runUntil(20);
    QueueSummary atTwenty = queue.summarize();
    // Occupancy: 1 over [0,10), 2 over [10,20): area 30 over 20 ps.
    assertEquals(1.5, atTwenty.timeAverageOccupancy(), 1e-12);
    assertEquals(0, atTwenty.departures());
    assertTrue(Double.isNaN(atTwenty.meanSojournPs()));
    sim.runUntil(50);
    QueueSummary atFifty = queue.summarize();
    assertEquals(60.0 / 50, atFifty.timeAverageOccupancy(), 1e-12);
    assertEquals(2, atFifty.departures());
    assertEquals(30.0, atFifty.meanSojournPs(), 1e-12);
  }

  @Test
  void aResetKeepsTheItemsInsideAndCountsOnlyTheirStayAfterIt() {
    QueueStatistic queue = stats.queue("q");
    queue.record(0, 100);
    sim.runUntil(60);
    stats.resetAll();
    // Event-driven: recorded as it leaves, having entered before the reset.
    queue.record(20, 60);
    sim.runUntil(160);
    QueueSummary s = queue.summarize();
    assertEquals(100, s.observedPs());
    assertEquals(40.0 / 100, s.timeAverageOccupancy(), 1e-12);
    assertEquals(2, s.departures(), "both left inside the new window");
    assertEquals((100 + 40) / 2.0, s.meanSojournPs(), 1e-12);
  }

  @Test
  void occupancyEqualsAnEventDrivenCountOfTheSameQueueAndLittlesLawHolds() {
    // A FIFO server computed arithmetically (Lindley), as the adapter's stages are: each item is
    // recorded when it arrives, with its departure already known. An independent gauge follows
    // the same queue with one event per arrival and per departure.
    RandomStreams streams = new RandomStreams(7, 0);
    SimRandom arrivals = streams.stream("arrivals");
    SimRandom service = streams.stream("service");
    QueueStatistic queue = stats.queue("fifo");
    TimeWeightedGauge inSystem = stats.gauge("fifo.inSystem");
    double meanServicePs = 1_000;
    double load = 0.8;
    long[] lastDeparturePs = {0};
    Runnable[] arrive = new Runnable[1];
    arrive[0] =
        () -> {
          long now = sim.nowPs();
          long departurePs =
              Math.max(now, lastDeparturePs[0]) + service.exponentialPs(meanServicePs);
          lastDeparturePs[0] = departurePs;
          queue.record(now, departurePs);
          inSystem.add(1);
          sim.scheduleAt(departurePs, () -> inSystem.add(-1));
          sim.schedule(arrivals.exponentialPs(meanServicePs / load), arrive[0]);
        };
    sim.schedule(0, arrive[0]);
    stats.resetAt(2_000_000);
    sim.runUntil(202_000_000);
    QueueSummary s = queue.summarize();

    assertEquals(
        inSystem.summarize().timeAverage(),
        s.timeAverageOccupancy(),
        1e-9 * s.timeAverageOccupancy(),
        "the occupancy integral is exact, not an estimate");
    double littlesL = s.departuresPerSecond() * s.meanSojournPs() * 1e-12;
    assertEquals(s.timeAverageOccupancy(), littlesL, 0.01 * s.timeAverageOccupancy());
    // M/M/1 at 80 % load: L = rho / (1 - rho) = 4 (200,000 services: within a few per cent).
    assertEquals(4.0, s.timeAverageOccupancy(), 0.4);
  }

  @Test
  void anItemThatLeavesBeforeItEntersIsAModelBug() {
    assertThrows(IllegalArgumentException.class, () -> stats.queue("q").record(10, 5));
  }
}
