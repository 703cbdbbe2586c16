package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.adapter.interrupt.DimProfileTable;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.adapter.interrupt.MinimumInterruptGap;
import org.rnicsim.model.adapter.interrupt.ModerationTimerStart;

/**
 * How the workload's consumers learn that a completion has landed, as written: by spinning on the
 * CQ (polling), or by an interrupt through the adapter's event queue, MSI-X, ISR and DPC, with
 * static moderation (count and time) or adaptive moderation (Linux DIM).
 *
 * @param mode {@code polling}, {@code interrupts} or {@code adaptive}
 * @param moderation static moderation, for {@code interrupts}
 * @param dim the DIM table that adaptive moderation walks
 * @param throttle the shortest gap between two interrupts of one event queue (e1000e-style
 *     throttling, calibration I3): at most one interrupt per this period; 0us = no throttle
 * @param isrCost host CPU time of one ISR
 * @param dpcCost host CPU time of one DPC entry
 */
public record CompletionSection(
    @JsonPropertyDescription(
            "polling (a core spins on the CQ), interrupts (static moderation) or adaptive (DIM)")
        String mode,
    @JsonPropertyDescription("interrupts: static moderation, count and period (I1, I4)")
        ModerationSection moderation,
    @JsonPropertyDescription("adaptive: the Linux DIM table walked: rdma, net-rx-eqe, net-rx-cqe")
        String dim,
    @JsonPropertyDescription(
            "interrupts, adaptive: at most one interrupt per this period per event queue"
                + " (e1000e-style throttle, I3), with a unit; 0us = none")
        String throttle,
    @JsonPropertyDescription("CPU time of one ISR, with a unit (assumption I5: 1us)")
        String isrCost,
    @JsonPropertyDescription("CPU time of one DPC entry, with a unit (assumption I5: 500ns)")
        String dpcCost) {

  /** How completions reach the consumer. */
  public enum Mode {
    POLLING,
    INTERRUPTS,
    ADAPTIVE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The largest value of the e1000e-style interrupt gap register (16 bits, I3). */
  private static final long MAX_GAP_UNITS = 0xFFFF;

  /** Longer than any moderation a driver would set; a typo, not a study. */
  private static final long MAX_PERIOD_PS = SimTime.PS_PER_S;

  CompletionPlan validate(Problems problems, String path) {
    int before = problems.count();
    Mode chosen = null;
    if (problems.require(mode, path + ".mode") != null) {
      chosen = enumOf(Mode.class, mode);
      if (chosen == null) {
        problems.report(
            path + ".mode",
            "'" + path + ".mode' must be polling, interrupts or adaptive (got '" + mode + "')");
      }
    }
    CqModeration staticModeration = moderation(problems, path + ".moderation");
    DimProfileTable table = null;
    if (problems.require(dim, path + ".dim") != null) {
      table = enumOf(DimProfileTable.class, dim.replace('-', '_'));
      if (table == null) {
        problems.report(
            path + ".dim",
            "'" + path + ".dim' must be rdma, net-rx-eqe or net-rx-cqe (got '" + dim + "')");
      }
    }
    MinimumInterruptGap gap = throttle(problems, path + ".throttle");
    Long isrPs = cost(problems, isrCost, path + ".isrCost");
    Long dpcPs = cost(problems, dpcCost, path + ".dpcCost");
    if (problems.count() > before) {
      return null;
    }
    return new CompletionPlan(
        chosen, staticModeration, table, gap, new InterruptCosts(isrPs, dpcPs));
  }

  /**
   * The throttle as the gap register holds it: whole 256 ns units (I3), rounded up so that the
   * period written is never beaten (125us becomes 489 units, 125.184 us).
   */
  private MinimumInterruptGap throttle(Problems problems, String path) {
    Long ps = problems.durationPs(throttle, path);
    if (ps == null) {
      return null;
    }
    long units = (ps + MinimumInterruptGap.UNIT_PS - 1) / MinimumInterruptGap.UNIT_PS;
    if (ps < 0 || units > MAX_GAP_UNITS) {
      problems.check(
          false,
          path,
          "be between 0us and 16.776ms (the gap register holds 65535 units of 256 ns)",
          throttle);
      return null;
    }
    return new MinimumInterruptGap(units);
  }

  private CqModeration moderation(Problems problems, String path) {
    if (problems.require(moderation, path) == null) {
      return null;
    }
    int before = problems.count();
    Long count = problems.require(moderation.count(), path + ".count");
    if (count != null) {
      problems.check(count >= 0 && count <= Integer.MAX_VALUE, path + ".count", "be >= 0", count);
    }
    Long periodPs = problems.durationPs(moderation.period(), path + ".period");
    if (periodPs != null) {
      problems.check(
          periodPs >= 0 && periodPs <= MAX_PERIOD_PS,
          path + ".period",
          "be between 0us and 1s",
          moderation.period());
    }
    ModerationTimerStart start = null;
    if (problems.require(moderation.timerStart(), path + ".timerStart") != null) {
      start = enumOf(ModerationTimerStart.class, moderation.timerStart());
      if (start == null) {
        problems.report(
            path + ".timerStart",
            "'" + path + ".timerStart' must be eqe or cqe (got '" + moderation.timerStart() + "')");
      }
    }
    if (problems.count() > before) {
      return null;
    }
    boolean countOff = count <= 1;
    boolean periodOff = periodPs == 0;
    if (countOff != periodOff) {
      // Driver semantics (I4) make either one alone switch moderation off; a study that sets the
      // other one plainly meant something, so say what it gets instead of dropping it silently.
      problems.report(
          countOff ? path + ".count" : path + ".period",
          "'"
              + path
              + "' with count "
              + count
              + " and period "
              + moderation.period()
              + " is moderation off (count 0 or 1, or period 0us, means every CQE raises its"
              + " event); give count >= 2 and a period > 0us for count-or-period moderation, or"
              + " for at most one interrupt per period write completion.throttle: "
              + (periodOff ? "<period>" : moderation.period())
              + " (calibration I3)");
      return null;
    }
    return countOff ? CqModeration.OFF : new CqModeration(periodPs, count, start);
  }

  private static Long cost(Problems problems, String text, String path) {
    Long ps = problems.durationPs(text, path);
    if (ps != null) {
      problems.check(ps >= 0 && ps <= MAX_PERIOD_PS, path, "be between 0us and 1s", text);
    }
    return ps;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.strip())) {
        return constant;
      }
    }
    return null;
  }
}
