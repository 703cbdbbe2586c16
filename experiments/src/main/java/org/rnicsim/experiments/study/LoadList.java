package org.rnicsim.experiments.study;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one check of a study's list of offered loads (fractions of a capacity): present, 1 to {@code
 * maxLoads} entries, each a number in (0, 1) or (0, 1], none repeated.
 */
public final class LoadList {
  private LoadList() {}

  /**
   * @param fullLoadAllowed whether a load of exactly 1 is meaningful (a fabric can be offered its
   *     line rate; a single-server queue at rho = 1 has no steady state)
   */
  public static void check(
      Problems problems,
      List<Double> loads,
      String loadsPath,
      int maxLoads,
      boolean fullLoadAllowed) {
    if (problems.require(loads, loadsPath) == null) {
      return;
    }
    problems.check(
        !loads.isEmpty() && loads.size() <= maxLoads,
        loadsPath,
        "list between 1 and " + maxLoads + " loads",
        loads.size() + " loads");
    String interval = fullLoadAllowed ? "(0, 1]" : "(0, 1)";
    Set<Double> seen = new HashSet<>();
    for (int i = 0; i < loads.size(); i++) {
      Double load = loads.get(i);
      String loadPath = loadsPath + "[" + i + "]";
      if (load == null) {
        problems.report(loadPath, "'" + loadPath + "' must be a number in " + interval);
        continue;
      }
      boolean inRange = load > 0.0 && (fullLoadAllowed ? load <= 1.0 : load < 1.0);
      problems.check(inRange, loadPath, "be in " + interval, load);
      problems.check(seen.add(load), loadPath, "not repeat an earlier load", load);
    }
  }
}
