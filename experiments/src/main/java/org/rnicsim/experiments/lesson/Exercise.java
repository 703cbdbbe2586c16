package org.rnicsim.experiments.lesson;

import java.util.List;
import java.util.Objects;

/**
 * One exercise of the course, as its file {@code configs/lessons/NN-name.exercise.yaml} says it.
 *
 * @param number the exercise's number, 1 to 99
 * @param title one line
 * @param after the lesson it follows in the course
 * @param rules the invariants it practises
 * @param task what to do, in plain words
 * @param setting the YAML the exercise fixes for every solution ({@code hosts}, {@code provider})
 * @param goals what the solution must reach besides keeping every rule
 * @param starter the script a student starts from, in the lessons' step vocabulary
 */
record Exercise(
    int number,
    String title,
    int after,
    List<Integer> rules,
    String task,
    String setting,
    List<ExerciseGoal> goals,
    String starter) {

  Exercise {
    Objects.requireNonNull(title, "title");
    rules = List.copyOf(rules);
    goals = List.copyOf(goals);
  }

  String heading() {
    return "Exercise " + number + ": " + title;
  }
}
