package org.rnicsim.experiments.study;

import java.util.List;

/** A study file that cannot be run, with every problem found in it. Bad input, never a bug. */
public final class StudyRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public StudyRejectedException(List<ConfigProblem> problems) {
    super(problems.isEmpty() ? "study rejected" : problems.get(0).render(), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public static StudyRejectedException of(ConfigProblem problem) {
    return new StudyRejectedException(List.of(problem));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
