package org.rnicsim.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyPoint;

/** Lists a study's jobs in grid order: point, then case, then replication. */
public final class JobPlanner {
  private JobPlanner() {}

  /**
   * @param rnicsimBuild part of every fingerprint (see {@code BuildInfo.build()}): another version,
   *     or the same version built from other sources, may compute differently
   */
  public static List<Job> jobs(Study study, String rnicsimBuild) {
    List<Job> jobs = new ArrayList<>();
    for (StudyPoint point : study.points()) {
      int cases = point.plan().workload().cases().size();
      for (int c = 0; c < cases; c++) {
        String fingerprint =
            Fingerprint.of(rnicsimBuild, point.config(), c, point.plan().workload().inputFiles());
        for (int r = 0; r < point.plan().run().replications(); r++) {
          jobs.add(new Job(point, c, r, fingerprint));
        }
      }
    }
    return jobs;
  }
}
