package org.rnicsim.engine.stats;

import java.util.List;
import java.util.NoSuchElementException;

/** Every statistic of a run, sorted by name, observed from {@code fromPs} to {@code toPs}. */
public record StatisticsSummary(
    long fromPs,
    long toPs,
    List<HistogramSummary> histograms,
    List<GaugeSummary> gauges,
    List<CounterSummary> counters,
    List<QueueSummary> queues) {

  public StatisticsSummary {
    histograms = List.copyOf(histograms);
    gauges = List.copyOf(gauges);
    counters = List.copyOf(counters);
    queues = List.copyOf(queues);
  }

  public HistogramSummary histogram(String name) {
    return histograms.stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no histogram named " + name));
  }

  public GaugeSummary gauge(String name) {
    return gauges.stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no gauge named " + name));
  }

  public CounterSummary counter(String name) {
    return counters.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no counter named " + name));
  }

  public QueueSummary queue(String name) {
    return queues.stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no queue named " + name));
  }
}
