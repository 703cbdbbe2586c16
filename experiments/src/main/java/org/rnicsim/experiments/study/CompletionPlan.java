package org.rnicsim.experiments.study;

import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.adapter.interrupt.DimProfileTable;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.adapter.interrupt.MinimumInterruptGap;

/**
 * Validated completion handling.
 *
 * @param mode polling, interrupts or adaptive
 * @param moderation the static moderation {@code interrupts} sets on every consumer CQ
 * @param dim the table {@code adaptive} walks
 * @param throttle the shortest gap between two interrupts of one event queue (I3)
 * @param costs host CPU time of taking an interrupt
 */
public record CompletionPlan(
    CompletionSection.Mode mode,
    CqModeration moderation,
    DimProfileTable dim,
    MinimumInterruptGap throttle,
    InterruptCosts costs) {

  public boolean usesInterrupts() {
    return mode != CompletionSection.Mode.POLLING;
  }

  public String describe() {
    String throttled =
        throttle.units256ns() == 0
            ? ""
            : ", at most one interrupt per " + SimTime.format(throttle.gapPs());
    return describeModeration() + (mode == CompletionSection.Mode.POLLING ? "" : throttled);
  }

  private String describeModeration() {
    return switch (mode) {
      case POLLING -> "polling";
      case INTERRUPTS -> "interrupts, " + moderation;
      case ADAPTIVE ->
          "interrupts, adaptive moderation (DIM "
              + dim.name().toLowerCase(java.util.Locale.ROOT)
              + ")";
    };
  }
}
