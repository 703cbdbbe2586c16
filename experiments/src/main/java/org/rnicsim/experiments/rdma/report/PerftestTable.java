package org.rnicsim.experiments.rdma.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.experiments.rdma.RdmaMetrics;
import org.rnicsim.experiments.report.ResultRow;
import org.rnicsim.experiments.report.TerminalSummary;

/**
 * The terminal table of an RDMA study in perftest's columns: for a latency loop {@code #bytes},
 * {@code #iterations}, {@code t_min}, {@code t_typical}, {@code t_avg}, {@code t_99%}, {@code
 * t_99.9%} and {@code t_max} in microseconds; for bandwidth and open loops {@code BW average} in
 * Gb/s and {@code MsgRate} in Mpps beside the completion latency. One block per point and
 * operation; each number is the mean over the replications (their 95 % intervals are in the CSV).
 */
final class PerftestTable {
  /** A terminal shows this many blocks usefully; the rest are in the files. */
  private static final int MAX_BLOCKS = 12;

  private PerftestTable() {}

  static void print(RdmaRows rows, PrintWriter out) {
    out.println(TerminalSummary.headline(rows.results()));
    RdmaMetrics.Shape shape = rows.firstPlan().shape();
    boolean interrupts = rows.anyNonZero(RdmaMetrics.INTERRUPT_RATE);
    Map<String, List<ResultRow>> blocks =
        RdmaRows.groupBy(rows.rows(), row -> row.point() + "|" + row.caseGroup());
    int printed = 0;
    for (List<ResultRow> block : blocks.values()) {
      if (printed++ == MAX_BLOCKS) {
        out.printf(Locale.ROOT, "... %d more blocks in results.csv%n", blocks.size() - MAX_BLOCKS);
        break;
      }
      ResultRow first = block.get(0);
      out.println();
      String point = rows.pointLabel(first);
      out.println(title(first.caseGroup(), shape) + (point.isEmpty() ? "" : "  [" + point + "]"));
      List<String> header = header(shape, interrupts);
      List<List<String>> cells = new ArrayList<>();
      for (ResultRow row : block) {
        cells.add(cells(rows, row, shape, interrupts));
      }
      TerminalSummary.printAligned(out, header, cells);
    }
    out.println();
    int replications = rows.results().study().points().get(0).plan().run().replications();
    out.printf(
        Locale.ROOT,
        "means of %d replication(s); 95 %% confidence intervals in results.csv and summary.json%n",
        replications);
    CapacityAnswer.print(rows, out);
  }

  private static String title(String operation, RdmaMetrics.Shape shape) {
    return switch (shape) {
      case LATENCY ->
          operation.equals("read")
              ? "read latency (ib_read_lat: the whole round trip)"
              : operation + " latency (ib_" + operation + "_lat: half the round trip)";
      case BANDWIDTH -> operation + " bandwidth (ib_" + operation + "_bw)";
      case OPEN_LOOP -> operation + " open loop (Poisson arrivals; latency from arrival)";
    };
  }

  private static List<String> header(RdmaMetrics.Shape shape, boolean interrupts) {
    List<String> header = new ArrayList<>();
    header.add("#bytes");
    header.add(shape == RdmaMetrics.Shape.OPEN_LOOP ? "#completions" : "#iterations");
    if (shape == RdmaMetrics.Shape.LATENCY) {
      header.add("t_min[usec]");
      header.add("t_typical[usec]");
      header.add("t_avg[usec]");
      header.add("t_99%[usec]");
      header.add("t_99.9%[usec]");
      header.add("t_max[usec]");
    } else {
      header.add("BW average[Gb/sec]");
      header.add("MsgRate[Mpps]");
      header.add("t_typical[usec]");
      header.add("t_99%[usec]");
      header.add("t_99.9%[usec]");
    }
    if (interrupts) {
      header.add("interrupts/s");
    }
    return header;
  }

  private static List<String> cells(
      RdmaRows rows, ResultRow row, RdmaMetrics.Shape shape, boolean interrupts) {
    List<String> cells = new ArrayList<>();
    cells.add(Long.toString((long) row.caseValue()));
    cells.add(whole(rows.mean(row, RdmaMetrics.ITERATIONS)));
    if (shape == RdmaMetrics.Shape.LATENCY) {
      cells.add(two(rows.mean(row, RdmaMetrics.T_MIN)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_TYPICAL)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_AVG)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_P99)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_P999)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_MAX)));
    } else {
      cells.add(two(rows.mean(row, RdmaMetrics.BW)));
      cells.add(String.format(Locale.ROOT, "%.6f", rows.mean(row, RdmaMetrics.MSG_RATE)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_TYPICAL)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_P99)));
      cells.add(two(rows.mean(row, RdmaMetrics.T_P999)));
    }
    if (interrupts) {
      cells.add(whole(rows.mean(row, RdmaMetrics.INTERRUPT_RATE)));
    }
    return cells;
  }

  private static String two(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "n/a";
  }

  private static String whole(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "n/a";
  }
}
