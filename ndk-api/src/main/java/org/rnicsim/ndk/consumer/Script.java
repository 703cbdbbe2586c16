package org.rnicsim.ndk.consumer;

import java.util.List;
import java.util.Objects;

/**
 * A scripted consumer: where it runs and what it does.
 *
 * @param settings the hosts, the provider's policy and hardware, the provider variant
 * @param steps what the consumer does, in order
 * @param explanations sentences that replace the narration's default for chosen events
 */
public record Script(
    ScriptSettings settings, List<ScriptStep> steps, List<Explanation> explanations) {

  public Script {
    Objects.requireNonNull(settings, "settings");
    steps = List.copyOf(steps);
    explanations = List.copyOf(explanations);
  }

  /**
   * Replaces the sentence of the first timeline entry whose {@code what} and object match (an empty
   * object matches any).
   *
   * @param what the call or callback name as the timeline shows it ({@code CloseCompletion})
   * @param object the script's name of the object, or empty
   * @param say the sentence
   */
  public record Explanation(String what, String object, String say) {

    public Explanation {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(say, "say");
    }
  }
}
