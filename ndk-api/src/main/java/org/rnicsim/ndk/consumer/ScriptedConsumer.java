package org.rnicsim.ndk.consumer;

/**
 * Plays a {@link Script} as an NDK consumer against simulated providers wrapped by the lifetime
 * verifier, on simulated time, and returns what happened as a {@link Timeline}. Runs are pure
 * functions of the script: the same script gives the same timeline, entry for entry.
 *
 * <p>Each run builds its own simulator, so runs may go on side by side on several threads.
 */
public final class ScriptedConsumer {

  private ScriptedConsumer() {}

  /**
   * Runs {@code script} to its last step, then audits the verifier (completions or closes still
   * owed, DEFER chains left open).
   *
   * @throws ScriptException if a step cannot be played (an unknown or undelivered object, a wait
   *     that never ends, an adapter close that cannot finish)
   */
  public static Timeline run(Script script) {
    ConsumerRun run = new ConsumerRun(script);
    StepRunner steps = new StepRunner(run);
    for (ScriptStep step : script.steps()) {
      steps.execute(step);
    }
    run.hosts.verifier.audit();
    run.collectViolations();
    return run.recorder.build(
        run.now(),
        script.explanations(),
        run.hosts.verifier.violations(),
        run.hosts.verifier.report());
  }
}
