package org.rnicsim.experiments.study;

import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.model.adapter.interrupt.DimProfileTable;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;

/**
 * Validated completion handling.
 *
 * @param mode polling, interrupts or adaptive
 * @param moderation the static moderation {@code interrupts} sets on every consumer CQ
 * @param dim the table {@code adaptive} walks
 * @param costs host CPU time of taking an interrupt
 */
public record CompletionPlan(
    CompletionSection.Mode mode,
    CqModeration moderation,
    DimProfileTable dim,
    InterruptCosts costs) {

  public boolean usesInterrupts() {
    return mode != CompletionSection.Mode.POLLING;
  }

  public String describe() {
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
