package org.rnicsim.experiments.sweep;

import java.util.Locale;
import org.rnicsim.experiments.study.StudyPoint;

/**
 * One case of one point in one replication.
 *
 * @param point the point of the grid, with its validated plan
 * @param caseIndex which of the workload's cases
 * @param replication 0-based replication number; with the seed it decides every random number
 * @param fingerprint what the job's result depends on, so that a result on disk from another study
 *     (or another rnicsim) is never taken for this job's
 */
public record Job(StudyPoint point, int caseIndex, int replication, String fingerprint) {

  /** The workload's guess of this job's size relative to the study's other jobs. */
  public double relativeCost() {
    return point.plan().workload().relativeCost(point.plan().run(), caseIndex);
  }

  /** The result file's name: sorted by name, files are in grid order. */
  public String fileName() {
    return fileName(point.index(), caseIndex, replication);
  }

  static String fileName(int point, int caseIndex, int replication) {
    return String.format(Locale.ROOT, "p%05d-c%04d-r%05d.json", point, caseIndex, replication);
  }
}
