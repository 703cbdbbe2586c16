package org.rnicsim.experiments.output;

/** The results folder named on the command line cannot be used; bad input, not a bug. */
public final class OutputFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputFolderException(String message) {
    super(message, null, false, false);
  }
}
