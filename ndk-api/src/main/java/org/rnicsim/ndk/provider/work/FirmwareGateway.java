package org.rnicsim.ndk.provider.work;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.rnicsim.model.adapter.firmware.CommandResult;
import org.rnicsim.model.adapter.firmware.FirmwareCommand;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The provider's side of the firmware command queue: submits a command and hands its outcome, as an
 * NTSTATUS, to the provider's handler in the command event queue's DPC (firmware command ->
 * execution -> EQE -> MSI-X -> ISR -> DPC -> handler). The handler then queues the consumer's
 * callback on the same core, so it starts once the DPC has returned.
 *
 * <p>Status mapping. Interp (ndkpi names no status for these): a command the driver timed out
 * completes with STATUS_IO_TIMEOUT; a command failed by surprise removal with STATUS_DEVICE_REMOVED
 * (0xC00002B6). {@link #failNext} injects an adapter-reported failure (for example
 * INSUFFICIENT_RESOURCES, which ndkpi-spec 2 allows asynchronously on every create).
 */
public final class FirmwareGateway {

  /** STATUS_DEVICE_REMOVED (ntstatus.h 0xC00002B6): the adapter was surprise-removed. */
  public static final NtStatus DEVICE_REMOVED = NtStatus.of(0xC000_02B6);

  private final AdapterHardware hardware;
  private final Map<FirmwareCommandKind, ArrayDeque<NtStatus>> injected =
      new EnumMap<>(FirmwareCommandKind.class);

  public FirmwareGateway(AdapterHardware hardware) {
    this.hardware = hardware;
  }

  /** The core on which command completions (and the callbacks they trigger) run. */
  public int core() {
    return hardware.commandCore();
  }

  /**
   * Submits {@code command}; {@code inDpc} runs exactly once, in the DPC, never inline.
   *
   * @param inDpc receives SUCCESS or the failure status
   */
  public void submit(FirmwareCommand command, Consumer<NtStatus> inDpc) {
    ArrayDeque<NtStatus> failures = injected.get(command.kind());
    NtStatus injectedFailure = failures == null ? null : failures.pollFirst();
    hardware.firmware().submit(command, result -> inDpc.accept(statusOf(result, injectedFailure)));
  }

  /**
   * Runs {@code command} as {@code datapathCommand} (the datapath's own command of the same kind,
   * so it is charged once), or as the provider's own command when {@code datapathCommand} is null
   * or a failure is injected for the kind (the injected failure then applies as usual).
   */
  public void submitOr(
      FirmwareCommand command, AdapterCommand datapathCommand, Consumer<NtStatus> inDpc) {
    ArrayDeque<NtStatus> failures = injected.get(command.kind());
    if (datapathCommand == null || (failures != null && !failures.isEmpty())) {
      submit(command, inDpc);
      return;
    }
    datapathCommand.submit(inDpc);
  }

  /**
   * The NTSTATUS of a datapath control command that failed with rnic-model's {@code message} ("KIND
   * TIMED_OUT", "KIND DEVICE_REMOVED", or the removed adapter's refusal).
   */
  public static NtStatus statusOfFailure(String message) {
    return message.endsWith("TIMED_OUT") ? NtStatus.IO_TIMEOUT : DEVICE_REMOVED;
  }

  /**
   * Fault: the next command of {@code kind} submitted runs its normal time, then the adapter
   * reports {@code status} instead of success.
   */
  public void failNext(FirmwareCommandKind kind, NtStatus status) {
    if (NtStatus.SUCCESS.equals(status) || status.isPending()) {
      throw new IllegalArgumentException("an injected failure must be a failure, not " + status);
    }
    injected.computeIfAbsent(kind, k -> new ArrayDeque<>()).addLast(status);
  }

  private static NtStatus statusOf(CommandResult result, NtStatus injectedFailure) {
    return switch (result.status()) {
      case SUCCESS -> injectedFailure != null ? injectedFailure : NtStatus.SUCCESS;
      case TIMED_OUT -> NtStatus.IO_TIMEOUT;
      case DEVICE_REMOVED -> DEVICE_REMOVED;
    };
  }

  /** The command that creates an object of {@code kind} on the adapter. */
  public static FirmwareCommand createCommand(NdkObjectType kind) {
    return FirmwareCommand.of(
        switch (kind) {
          case PD -> FirmwareCommandKind.CREATE_PD;
          case CQ -> FirmwareCommandKind.CREATE_CQ;
          case QP -> FirmwareCommandKind.CREATE_QP;
          case SRQ -> FirmwareCommandKind.CREATE_SRQ;
          // Interp: an MR or MW object is a memory key; rnic-model has no CREATE_MKEY kind, so
          // allocating one is a registration of zero pages.
          case MR, MW -> FirmwareCommandKind.REGISTER_MR;
          default -> throw new IllegalArgumentException(kind + " has no firmware command");
        });
  }

  /** The command that destroys an object of {@code kind} on the adapter. */
  public static FirmwareCommand destroyCommand(NdkObjectType kind) {
    return FirmwareCommand.of(
        switch (kind) {
          case PD -> FirmwareCommandKind.DESTROY_PD;
          case CQ -> FirmwareCommandKind.DESTROY_CQ;
          case QP -> FirmwareCommandKind.DESTROY_QP;
          case SRQ -> FirmwareCommandKind.DESTROY_SRQ;
          case MR, MW -> FirmwareCommandKind.DEREGISTER_MR;
          default -> throw new IllegalArgumentException(kind + " has no firmware command");
        });
  }
}
