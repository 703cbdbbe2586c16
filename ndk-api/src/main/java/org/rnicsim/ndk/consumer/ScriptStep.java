package org.rnicsim.ndk.consumer;

import java.util.Objects;

/**
 * One step of a script with what the narration says about it.
 *
 * @param step what the consumer does
 * @param say the sentence the narration gives the step's call, or null for the default one
 * @param where where the step was written ({@code file:line}), for error messages
 */
public record ScriptStep(Step step, String say, String where) {

  public ScriptStep {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(where, "where");
  }
}
