package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.adapter.interrupt.DimProfileTable;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.adapter.interrupt.ModerationTimerStart;

/**
 * How the workload's consumers learn that a completion has landed, as written: by spinning on the
 * CQ (polling), or by an interrupt through the adapter's event queue, MSI-X, ISR and DPC, with
 * static moderation (count and time) or adaptive moderation (Linux DIM).
 *
 * @param mode {@code polling}, {@code interrupts} or {@code adaptive}
 * @param moderation static moderation, for {@code interrupts}
 * @param dim the DIM table that adaptive moderation walks
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
    Long isrPs = cost(problems, isrCost, path + ".isrCost");
    Long dpcPs = cost(problems, dpcCost, path + ".dpcCost");
    if (problems.count() > before) {
      return null;
    }
    return new CompletionPlan(chosen, staticModeration, table, new InterruptCosts(isrPs, dpcPs));
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
    return count <= 1 || periodPs == 0
        ? CqModeration.OFF
        : new CqModeration(periodPs, count, start);
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
