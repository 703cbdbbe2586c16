package org.rnicsim.experiments.progress;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr with the jobs done, the estimated time left and the simulator events per
 * wall second. It reads the wall clock, which is fine here: nothing it shows goes into a result.
 */
public final class TerminalProgress implements Progress {
  private final PrintWriter announcements;
  private final PrintStream barStream;
  private final AtomicLong events = new AtomicLong();
  private final CostEta eta = new CostEta();
  private ProgressBar bar;
  private long startNanos;

  /**
   * @param announcements where the one-line notes before the bar go (the command's stderr)
   */
  public TerminalProgress(PrintWriter announcements) {
    this(announcements, System.err);
  }

  /**
   * @param barStream where the bar is drawn: the real stderr, whose terminal width it reads
   */
  public TerminalProgress(PrintWriter announcements, PrintStream barStream) {
    this.announcements = announcements;
    this.barStream = barStream;
  }

  /**
   * Whether stderr is a terminal a person watches. Java cannot ask that of stderr alone; on Linux
   * the file descriptor's target says it, elsewhere a console on stdin and stdout is the best hint.
   */
  public static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (java.io.IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  @Override
  public void start(String task, long totalJobs, long alreadyDone) {
    if (alreadyDone > 0) {
      announcements.printf(
          Locale.ROOT,
          "%s: %d of %d jobs already done; running the other %d%n",
          task,
          alreadyDone,
          totalJobs,
          totalJobs - alreadyDone);
      announcements.flush();
    }
    startNanos = System.nanoTime();
    bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalJobs)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" jobs", 1)
            .setUpdateIntervalMillis(250)
            // Jobs run largest first: by count the first estimate was 4.5x too high on a sweep.
            .setEtaFunction(state -> eta.remaining(state.getElapsedAfterStart()))
            // On the real stderr the bar fits the terminal's width; elsewhere (a test) 100 columns.
            .setConsumer(
                barStream == System.err
                    ? new ConsoleProgressBarConsumer(barStream)
                    : new ConsoleProgressBarConsumer(barStream, 100))
            .startsFrom(alreadyDone, java.time.Duration.ZERO)
            .build();
  }

  @Override
  public void jobDone(long eventsExecuted, long cpuNanos) {
    long total = events.addAndGet(eventsExecuted);
    double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
    synchronized (this) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(eventsPerSecond(total / seconds));
      }
    }
  }

  @Override
  public void plannedCost(double totalCost) {
    eta.plan(totalCost);
  }

  @Override
  public void jobDone(long eventsExecuted, long cpuNanos, double relativeCost) {
    eta.done(relativeCost);
    jobDone(eventsExecuted, cpuNanos);
  }

  static String eventsPerSecond(double rate) {
    if (rate >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M events/s", rate / 1e6);
    }
    if (rate >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k events/s", rate / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f events/s", rate);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
