package org.rnicsim.experiments.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;
import org.rnicsim.experiments.output.TaskFailure;

/**
 * Charts to save as PNG and SVG, collected while a report is drawn up and rendered together at the
 * end on several threads. Rendering is most of a report's time (antialiased PNG and SVG of each
 * chart), and it ran on one thread after the jobs had used them all, which bounded how much faster
 * a sweep could get on more cores. Each chart is drawn by one thread only (a JFreeChart is not safe
 * to draw twice at once) and each file depends on its chart alone, so the files are the same bytes
 * whatever the thread count.
 */
public final class ChartBatch {
  private record Pending(JFreeChart chart, Path folder, String name) {}

  private final List<Pending> pending = new ArrayList<>();

  /** Saves {@code chart} as {@code name.png} and {@code name.svg} in {@code folder} at write. */
  public void add(JFreeChart chart, Path folder, String name) {
    pending.add(new Pending(chart, folder, name));
  }

  /** Writes every chart added so far, on up to {@code threads} threads, and forgets them. */
  public void writeAll(int threads) throws IOException {
    List<Pending> charts = List.copyOf(pending);
    pending.clear();
    int pool = Math.min(Math.max(1, threads), charts.size());
    if (pool <= 1) {
      for (Pending chart : charts) {
        ChartFiles.write(chart.chart(), chart.folder(), chart.name());
      }
      return;
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            pool,
            task -> {
              Thread thread = new Thread(task, "rnicsim-chart");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Path>> done = new ArrayList<>();
      for (Pending chart : charts) {
        done.add(
            executor.submit(() -> ChartFiles.write(chart.chart(), chart.folder(), chart.name())));
      }
      for (Future<Path> future : done) {
        await(future);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private static void await(Future<Path> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing charts", e);
    } catch (ExecutionException e) {
      throw TaskFailure.rethrow(e, "a chart");
    }
  }
}
