package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;

/** No JVM-wide mutable state: a simulation gives the same answer alone, again, or beside others. */
class DeterminismTest {
  /** A hold model that fingerprints the exact sequence of (time, event) it executes. */
  static long fingerprint(long seed, int replication) {
    RnicSimulator sim = new RnicSimulator("hold-" + replication);
    SimRandom random = new RandomStreams(seed, replication).stream("hold");
    long[] hash = {17};
    for (int i = 0; i < 500; i++) {
      int id = i;
      Runnable[] self = new Runnable[1];
      self[0] =
          () -> {
            hash[0] = hash[0] * 31 + sim.nowPs() * 7 + id;
            sim.schedule(random.exponentialPs(1_000_000), self[0]);
          };
      sim.schedule(random.exponentialPs(1_000_000), self[0]);
    }
    sim.runEvents(100_000);
    return hash[0] * 31 + sim.nowPs();
  }

  @Test
  void rerunningGivesTheSameEventSequence() {
    assertEquals(fingerprint(99, 0), fingerprint(99, 0));
    assertNotEquals(fingerprint(99, 0), fingerprint(99, 1));
  }

  @Test
  void simulationsOnParallelThreadsGiveExactlyWhatEachGivesAlone() throws Exception {
    List<Long> alone = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      alone.add(fingerprint(7, r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int r = 0; r < 4; r++) {
          int replication = r;
          futures.add(pool.submit(() -> fingerprint(7, replication)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(alone.get(i % 4), futures.get(i).get(), "replication " + (i % 4));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** DSOL's constructor touches a shared logger registry; constructing in parallel must be safe. */
  @Test
  void simulatorsCanBeConstructedOnManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < 4_000; i++) {
        int id = i;
        futures.add(pool.submit(() -> new RnicSimulator("parallel-" + id).nowPs()));
      }
      for (Future<Long> future : futures) {
        assertEquals(0L, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
