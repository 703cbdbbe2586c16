package org.rnicsim.model.adapter.interrupt;

/**
 * The decision half of Linux DIM (lib/dim, read for its rules, not copied): given the statistics of
 * the latest window and of the previous one, step left (index down: shorter periods, more
 * interrupts) or right (fewer interrupts) through a {@link DimProfileTable}.
 *
 * <p>Net rule: a window is better when its completion rate rose by more than 10 %, worse when it
 * fell by more than 10 %, and otherwise better or worse when its event rate fell or rose by more
 * than 10 %. While better, keep stepping the same way; otherwise turn. Having turned back onto the
 * profile just left (one step after two or more the other way) it has found a top and parks; it
 * parks too at either end of the table. A parked tuner leaves when the statistics change by more
 * than 10 %, heading left unless at index 0. After 2 x table-size steps without parking it parks
 * "tired" for as many windows. Assumption: the adapter model has no byte counts, so Linux's
 * byte-rate test collapses into its packet-rate test, with completions as packets.
 *
 * <p>RDMA rule: better or worse as the completion rate rose or fell by more than 10 %, else as
 * completions per event rose or fell by more than 10 %. Better steps on, worse turns and steps, a
 * step into either end turns around; when neither changed and completions per event (in percent)
 * are at most 50 x the index, it drops to index 0. It never parks.
 */
final class DimTuner {
  private enum TuneState {
    PARKED_ON_TOP,
    PARKED_TIRED,
    GOING_RIGHT,
    GOING_LEFT
  }

  private enum Verdict {
    WORSE,
    SAME,
    BETTER
  }

  private enum Step {
    STEPPED,
    TOO_TIRED,
    ON_EDGE
  }

  private final DimProfileTable table;
  private int index;
  private TuneState state;
  private int stepsRight;
  private int stepsLeft;
  private int tired;
  private DimStats previous = DimStats.NONE;

  DimTuner(DimProfileTable table) {
    this.table = table;
    this.index = table.startIndex();
    // Linux zeroes a net DIM's state (parked on top); rdma_dim_init starts it heading right.
    this.state =
        table.rule() == DimProfileTable.DimRule.NET
            ? TuneState.PARKED_ON_TOP
            : TuneState.GOING_RIGHT;
  }

  int index() {
    return index;
  }

  /** One decision on a finished window; true when the profile index moved. */
  boolean decide(DimStats current) {
    int before = index;
    if (table.rule() == DimProfileTable.DimRule.NET) {
      decideNet(current);
    } else {
      decideRdma(current);
    }
    return index != before;
  }

  private void decideNet(DimStats current) {
    TuneState stateBefore = state;
    switch (state) {
      case PARKED_ON_TOP -> {
        if (compareNet(current, previous) != Verdict.SAME) {
          leaveParking();
        }
      }
      case PARKED_TIRED -> {
        tired--;
        if (tired == 0) {
          leaveParking();
        }
      }
      case GOING_RIGHT, GOING_LEFT -> {
        if (compareNet(current, previous) != Verdict.BETTER) {
          turn();
        }
        if (foundTop()) {
          parkOnTop();
        } else {
          Step step = netStep();
          if (step == Step.ON_EDGE) {
            parkOnTop();
          } else if (step == Step.TOO_TIRED) {
            parkTired();
          }
        }
      }
    }
    // Parked on top, a tuner keeps comparing with the window that made it park.
    if (stateBefore != TuneState.PARKED_ON_TOP || state != TuneState.PARKED_ON_TOP) {
      previous = current;
    }
  }

  private void decideRdma(DimStats current) {
    int before = index;
    switch (compareRdma(current, previous)) {
      case SAME -> {
        if (current.completionsPerEventPercent() <= 50L * before) {
          index = 0;
        }
      }
      case WORSE -> {
        turn();
        rdmaStep();
      }
      case BETTER -> rdmaStep();
    }
    previous = current;
  }

  private static Verdict compareNet(DimStats current, DimStats previous) {
    if (previous.completionsPerMs() == 0) {
      return current.completionsPerMs() != 0 ? Verdict.BETTER : Verdict.SAME;
    }
    if (significant(current.completionsPerMs(), previous.completionsPerMs())) {
      return current.completionsPerMs() > previous.completionsPerMs()
          ? Verdict.BETTER
          : Verdict.WORSE;
    }
    if (significant(current.eventsPerMs(), previous.eventsPerMs())) {
      return current.eventsPerMs() < previous.eventsPerMs() ? Verdict.BETTER : Verdict.WORSE;
    }
    return Verdict.SAME;
  }

  private static Verdict compareRdma(DimStats current, DimStats previous) {
    if (previous.completionsPerMs() == 0) {
      return Verdict.SAME;
    }
    if (significant(current.completionsPerMs(), previous.completionsPerMs())) {
      return current.completionsPerMs() > previous.completionsPerMs()
          ? Verdict.BETTER
          : Verdict.WORSE;
    }
    if (significant(current.completionsPerEventPercent(), previous.completionsPerEventPercent())) {
      return current.completionsPerEventPercent() > previous.completionsPerEventPercent()
          ? Verdict.BETTER
          : Verdict.WORSE;
    }
    return Verdict.SAME;
  }

  /** More than 10 % apart, in Linux's integer arithmetic; nothing is significant against 0. */
  private static boolean significant(long value, long reference) {
    return reference != 0 && 100 * Math.abs(value - reference) / reference > 10;
  }

  private boolean foundTop() {
    return switch (state) {
      case PARKED_ON_TOP, PARKED_TIRED -> true;
      case GOING_RIGHT -> stepsLeft > 1 && stepsRight == 1;
      case GOING_LEFT -> stepsRight > 1 && stepsLeft == 1;
    };
  }

  private void turn() {
    if (state == TuneState.GOING_RIGHT) {
      state = TuneState.GOING_LEFT;
      stepsLeft = 0;
    } else if (state == TuneState.GOING_LEFT) {
      state = TuneState.GOING_RIGHT;
      stepsRight = 0;
    }
  }

  private void parkOnTop() {
    stepsRight = 0;
    stepsLeft = 0;
    tired = 0;
    state = TuneState.PARKED_ON_TOP;
  }

  private void parkTired() {
    stepsRight = 0;
    stepsLeft = 0;
    state = TuneState.PARKED_TIRED;
  }

  private void leaveParking() {
    state = index > 0 ? TuneState.GOING_LEFT : TuneState.GOING_RIGHT;
    netStep();
  }

  private Step netStep() {
    if (tired == 2 * table.size()) {
      return Step.TOO_TIRED;
    }
    if (state == TuneState.GOING_RIGHT) {
      if (index == table.size() - 1) {
        return Step.ON_EDGE;
      }
      index++;
      stepsRight++;
    } else if (state == TuneState.GOING_LEFT) {
      if (index == 0) {
        return Step.ON_EDGE;
      }
      index--;
      stepsLeft++;
    }
    tired++;
    return Step.STEPPED;
  }

  private void rdmaStep() {
    boolean atEdge = state == TuneState.GOING_RIGHT ? index == table.size() - 1 : index == 0;
    if (atEdge) {
      turn();
    } else if (state == TuneState.GOING_RIGHT) {
      index++;
    } else {
      index--;
    }
  }
}
