package org.rnicsim.experiments.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code rnicsim bench engine}: the hold model on rnicsim, stock DSOL and a bare heap. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
      "Hold model (N pending events, each rescheduling itself after an exponential delay of mean"
          + " 1 us) on (a) the rnicsim engine, (b) stock DSOL DevsSimulator<Double> with lambda"
          + " events, (c) a bare java.util.PriorityQueue loop.",
      "Same JVM, warmed up, rounds interleaved; prints median events per second and the ratios"
          + " a/b (target >= 4.0) and a/c (target >= 0.75)."
    })
public final class EngineBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--events",
      paramLabel = "COUNT",
      description = "Events per engine per round (default: ${DEFAULT-VALUE}).")
  long eventsPerRound = EngineBenchmark.Settings.defaults().eventsPerRound();

  @Option(
      names = "--rounds",
      paramLabel = "COUNT",
      description = "Measured rounds per engine (default: ${DEFAULT-VALUE}).")
  int rounds = EngineBenchmark.Settings.defaults().measuredRounds();

  @Option(
      names = "--warmup-rounds",
      paramLabel = "COUNT",
      description = "Unmeasured warm-up rounds per engine (default: ${DEFAULT-VALUE}).")
  int warmupRounds = EngineBenchmark.Settings.defaults().warmupRounds();

  @Option(
      names = "--pending",
      paramLabel = "N",
      split = ",",
      description = "Pending-event counts N (default: 1000,100000).")
  List<Integer> pending = EngineBenchmark.Settings.defaults().pendingEventCounts();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EngineBenchmark.Settings settings =
        new EngineBenchmark.Settings(pending, eventsPerRound, warmupRounds, rounds, 1);
    List<EngineBenchmark.Point> points =
        new EngineBenchmark()
            .run(
                settings,
                line -> {
                  err.println("bench engine: " + line);
                  err.flush();
                });
    boolean met =
        points.stream()
            .allMatch(
                p ->
                    p.ratioVsStockDsol() >= EngineBenchmark.TARGET_RATIO_VS_STOCK_DSOL
                        && p.ratioVsPriorityQueue()
                            >= EngineBenchmark.TARGET_RATIO_VS_PRIORITY_QUEUE);
    if (json) {
      out.println(toJson(settings, points, met));
    } else {
      printTable(out, points, met);
    }
    out.flush();
    return 0;
  }

  private static void printTable(PrintWriter out, List<EngineBenchmark.Point> points, boolean met) {
    out.println("Hold model, median events per wall second (higher is better)");
    out.printf(
        Locale.ROOT,
        "%10s %16s %16s %16s %10s %10s%n",
        "N",
        "(a) rnicsim",
        "(b) stock DSOL",
        "(c) bare heap",
        "a/b",
        "a/c");
    for (EngineBenchmark.Point p : points) {
      out.printf(
          Locale.ROOT,
          "%,10d %,16.0f %,16.0f %,16.0f %10.2f %10.2f%n",
          p.pendingEvents(),
          p.rnicsimEventsPerSecond(),
          p.stockDsolEventsPerSecond(),
          p.priorityQueueEventsPerSecond(),
          p.ratioVsStockDsol(),
          p.ratioVsPriorityQueue());
    }
    out.printf(
        Locale.ROOT,
        "Targets: a/b >= %.2f and a/c >= %.2f at every N: %s%n",
        EngineBenchmark.TARGET_RATIO_VS_STOCK_DSOL,
        EngineBenchmark.TARGET_RATIO_VS_PRIORITY_QUEUE,
        met ? "met" : "NOT met");
  }

  private static String toJson(
      EngineBenchmark.Settings settings, List<EngineBenchmark.Point> points, boolean met) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "engine-hold-model");
    root.put("meanHoldUs", 1.0);
    root.put("eventsPerRound", settings.eventsPerRound());
    root.put("warmupRounds", settings.warmupRounds());
    root.put("measuredRounds", settings.measuredRounds());
    root.put(
        "points",
        points.stream()
            .map(
                p -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("pendingEvents", p.pendingEvents());
                  m.put("rnicsimEventsPerSecond", Math.round(p.rnicsimEventsPerSecond()));
                  m.put("stockDsolEventsPerSecond", Math.round(p.stockDsolEventsPerSecond()));
                  m.put(
                      "priorityQueueEventsPerSecond", Math.round(p.priorityQueueEventsPerSecond()));
                  m.put("ratioVsStockDsol", round2(p.ratioVsStockDsol()));
                  m.put("ratioVsPriorityQueue", round2(p.ratioVsPriorityQueue()));
                  return m;
                })
            .toList());
    root.put("targetRatioVsStockDsol", EngineBenchmark.TARGET_RATIO_VS_STOCK_DSOL);
    root.put("targetRatioVsPriorityQueue", EngineBenchmark.TARGET_RATIO_VS_PRIORITY_QUEUE);
    root.put("targetsMet", met);
    ObjectMapper mapper = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
    return mapper.writeValueAsString(root);
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
