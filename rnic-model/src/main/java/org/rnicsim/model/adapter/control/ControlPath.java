package org.rnicsim.model.adapter.control;

import java.util.function.Consumer;

/**
 * Executes control commands on simulated time. An implementation calls {@code onDone} exactly once,
 * at the simulated time the command has finished (never inline, so a caller's state is consistent
 * when it runs), or reports a failure through {@code onFailed}.
 */
public interface ControlPath {
  void execute(ControlCommand command, Runnable onDone, Consumer<String> onFailed);
}
