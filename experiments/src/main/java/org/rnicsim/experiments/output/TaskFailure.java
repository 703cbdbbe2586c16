package org.rnicsim.experiments.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;

/** Turns a failed pool task back into what it threw, so callers see the task's own exception. */
public final class TaskFailure {
  private TaskFailure() {}

  /**
   * Throws the cause of {@code failure}: an I/O failure as {@link IOException}, unchecked ones as
   * they are, anything else wrapped and named by {@code what} ("a job", "a chart").
   */
  public static IOException rethrow(ExecutionException failure, String what) throws IOException {
    Throwable cause = failure.getCause();
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof UncheckedIOException io) {
      throw io.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(what + " failed", cause);
  }
}
