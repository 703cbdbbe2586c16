package org.rnicsim.experiments.cluster;

/**
 * A member got a job without its study's text and has not planned that study (it joined late, or
 * planned too many studies since): the driver sends the job again with the text.
 */
final class UnknownStudyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnknownStudyException(String studyId) {
    super("this member has not planned study " + studyId, null, false, false);
  }
}
