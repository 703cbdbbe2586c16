package org.rnicsim.experiments.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One share of a study's jobs for a batch scheduler (a Slurm job array): shard {@code index} of
 * {@code count} takes the jobs whose position in grid order, modulo {@code count}, is {@code
 * index}. The shards of one study split its jobs exactly, whatever the study.
 *
 * @param index 0-based, below {@code count}
 * @param count how many shards the study is split into, at least one
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "a shard is I/N with 0 <= I < N, got " + index + "/" + count);
    }
  }

  /**
   * Reads {@code I/N}; throws IllegalArgumentException with a message for people when malformed.
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("--shard takes I/N, such as 0/4 (got '" + text + "')");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard takes I/N, such as 0/4 (got '" + text + "')");
    }
  }

  /** This shard's jobs of {@code jobs} (all of a study, in grid order), in grid order. */
  public List<Job> of(List<Job> jobs) {
    List<Job> mine = new ArrayList<>();
    for (int i = index; i < jobs.size(); i += count) {
      mine.add(jobs.get(i));
    }
    return mine;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
