package org.rnicsim.model.adapter.firmware;

import java.util.function.Consumer;
import org.rnicsim.model.adapter.control.ControlCommand;
import org.rnicsim.model.adapter.control.ControlPath;

/**
 * The adapter's control path on the firmware command queue: every control command becomes a
 * firmware command of its kind, queued, priced by the firmware's latency table (page count for
 * memory registration), and finished by an EQE, an interrupt and a DPC. A command that times out or
 * meets a removed device fails, never silently.
 *
 * <p>The queue needs the adapter's PCIe link (for its EQEs) and the adapter needs its control path,
 * so the queue is attached after both exist (see {@link org.rnicsim.model.adapter.AdapterNode}).
 */
public final class FirmwareControlPath implements ControlPath {
  private FirmwareCommandQueue queue;

  /** Connects the queue that executes the commands; once, before the first command. */
  public void attach(FirmwareCommandQueue firmwareQueue) {
    if (queue != null) {
      throw new IllegalStateException("a firmware command queue is already attached");
    }
    queue = firmwareQueue;
  }

  @Override
  public void execute(ControlCommand command, Runnable onDone, Consumer<String> onFailed) {
    if (queue == null) {
      throw new IllegalStateException("no firmware command queue attached to the control path");
    }
    queue.submit(
        toFirmware(command),
        result -> {
          if (result.succeeded()) {
            onDone.run();
          } else {
            onFailed.accept(result.command().kind() + " " + result.status());
          }
        });
  }

  static FirmwareCommand toFirmware(ControlCommand command) {
    if (command instanceof ControlCommand.CreateCq) {
      return FirmwareCommand.of(FirmwareCommandKind.CREATE_CQ);
    }
    if (command instanceof ControlCommand.DestroyCq) {
      return FirmwareCommand.of(FirmwareCommandKind.DESTROY_CQ);
    }
    if (command instanceof ControlCommand.CreateQp) {
      return FirmwareCommand.of(FirmwareCommandKind.CREATE_QP);
    }
    if (command instanceof ControlCommand.ModifyQp) {
      return FirmwareCommand.of(FirmwareCommandKind.MODIFY_QP);
    }
    if (command instanceof ControlCommand.DestroyQp) {
      return FirmwareCommand.of(FirmwareCommandKind.DESTROY_QP);
    }
    if (command instanceof ControlCommand.RegisterMemory register) {
      return FirmwareCommand.registerMr(register.pages());
    }
    if (command instanceof ControlCommand.DeregisterMemory deregister) {
      return new FirmwareCommand(FirmwareCommandKind.DEREGISTER_MR, deregister.pages());
    }
    throw new IllegalArgumentException("no firmware command for " + command);
  }
}
