package org.rnicsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.queue.SingleServerQueue;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.EngineTraceEvent.QueueArrival;
import org.rnicsim.engine.trace.EngineTraceEvent.QueueDeparture;

class TraceTest {
  @Test
  void traceIsOffUntilASinkListens() {
    Trace trace = new RnicSimulator("t").trace();
    assertFalse(trace.isOn());
    RecordingSink sink = new RecordingSink();
    trace.addSink(sink);
    assertTrue(trace.isOn());
    trace.removeSink(sink);
    assertFalse(trace.isOn());
  }

  @Test
  void aQueueReportsArrivalsAndDeparturesInTimeOrderToEverySink() {
    RnicSimulator sim = new RnicSimulator("t");
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();
    sim.trace().addSink(first);
    sim.trace().addSink(second);
    SingleServerQueue<String> q =
        new SingleServerQueue<>(sim, "q", 0, job -> 10, job -> {}, new StatisticsRegistry(sim));
    sim.schedule(0, () -> q.arrive("a"));
    sim.schedule(5, () -> q.arrive("b"));
    sim.runToEnd();
    assertEquals(
        List.of(
            new QueueArrival(0, "q", "a", 1),
            new QueueArrival(5, "q", "b", 2),
            new QueueDeparture(10, "q", "a", 0, 10),
            new QueueDeparture(20, "q", "b", 5, 15)),
        first.events());
    assertEquals(first.events(), second.events());
    assertEquals(2, first.eventsOf(QueueDeparture.class).size());
  }
}
