package org.rnicsim.experiments.lesson;

import java.util.List;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.LaneState;
import org.rnicsim.ndk.consumer.StateChange;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;

/**
 * What an exercise asks of a solution beyond keeping every rule (the verifier checks those): each
 * goal has the plain words the student reads and a check on the solution's timeline.
 */
sealed interface ExerciseGoal {

  /** The goal in plain words. */
  String say();

  /** True when the run reached the goal. */
  boolean reachedBy(Timeline timeline);

  /** Every object the script created or was handed ends closed (or its create failed). */
  record AllClosed(String say) implements ExerciseGoal {
    @Override
    public boolean reachedBy(Timeline timeline) {
      for (Timeline.Lane lane : timeline.lanes()) {
        LaneState last = null;
        for (StateChange change : timeline.states()) {
          if (change.object().equals(lane.object())) {
            last = change.state();
          }
        }
        if (last != LaneState.CLOSED && last != LaneState.FAILED) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Between {@code atLeast} and {@code atMost} narration lines (a callback's return not counted
   * apart from its start) whose event is {@code what} (and, when given, whose object is {@code
   * object} and whose status has every word of {@code status}: {@code "qpA Write STATUS_SUCCESS"}
   * counts the successful completions of qpA's WRITEs).
   */
  record Count(String say, String what, String object, String status, int atLeast, int atMost)
      implements ExerciseGoal {
    @Override
    public boolean reachedBy(Timeline timeline) {
      long n =
          timeline.entries().stream()
              .filter(e -> e.kind() != EntryKind.CALLBACK_RETURN && e.what().equals(what))
              .filter(e -> object.isEmpty() || e.object().equals(object))
              .filter(e -> hasEveryWord(e.status()))
              .count();
      return n >= atLeast && n <= atMost;
    }

    private boolean hasEveryWord(String text) {
      List<String> words = List.of(text.split(" "));
      for (String word : status.split(" ")) {
        if (!word.isEmpty() && !words.contains(word)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The consumer's last call is {@code what} (CloseAdapter returns: the adapter went last). */
  record LastCall(String say, String what) implements ExerciseGoal {
    @Override
    public boolean reachedBy(Timeline timeline) {
      List<TimelineEntry> calls =
          timeline.entries().stream().filter(e -> e.kind() == EntryKind.CALL).toList();
      return !calls.isEmpty() && calls.get(calls.size() - 1).what().equals(what);
    }
  }
}
