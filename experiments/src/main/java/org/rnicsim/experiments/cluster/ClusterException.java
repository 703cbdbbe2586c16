package org.rnicsim.experiments.cluster;

/** A cluster cannot be formed or a member refused a job: the user's set-up, not a bug. */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message, null, false, false);
  }
}
