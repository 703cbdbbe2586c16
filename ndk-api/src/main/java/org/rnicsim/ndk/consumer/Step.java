package org.rnicsim.ndk.consumer;

import java.util.List;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * One thing the scripted consumer does. Objects are named by the script ({@code as}); later steps
 * refer to them by that name. Steps that only call the provider take no simulated time, except a
 * post that rings a doorbell, which keeps the consumer's thread busy for the policy's post cost;
 * the waiting steps ({@link WaitFor}, {@link RunFor}, {@link RunUntil}, {@link Settle}) run the
 * simulation.
 */
public sealed interface Step {

  /**
   * A step that calls the provider, as opposed to waiting, running the clock or arranging what
   * happens: only calls may run inside a CQ notification callback ({@link WhenNotified}).
   */
  sealed interface Call extends Step {}

  /** OPEN_NDK_ADAPTER_HANDLER on a host's provider (ndkpi-spec 2, invariant 34). */
  record OpenAdapter(String name, String host) implements Call {}

  /**
   * NdkCreateCq with a notification callback (ndkpi-spec 2, 4).
   *
   * @param core the affinity hint's processor, or -1 for the provider's choice
   */
  record CreateCq(String name, String adapter, long depth, int core) implements Call {}

  /** NdkCreatePd. */
  record CreatePd(String name, String adapter) implements Call {}

  /** NdkCreateMr. */
  record CreateMr(String name, String pd, boolean fastRegister) implements Call {}

  /** NdkCreateQp: both queues {@code depth} deep, one SGE, {@code inlineDataBytes} inline. */
  record CreateQp(
      String name,
      String pd,
      String receiveCq,
      String initiatorCq,
      long depth,
      long inlineDataBytes)
      implements Call {}

  /** NdkCreateConnector. */
  record CreateConnector(String name, String adapter) implements Call {}

  /** NdkCreateListener; its connect events queue connectors for {@link WaitFor}. */
  record CreateListener(String name, String adapter) implements Call {}

  /** NdkListen on the listener's host address and {@code port}. */
  record Listen(String listener, int port) implements Call {}

  /** NdkConnect from the connector's host to {@code host}:{@code port}. */
  record Connect(String connector, String qp, String host, int port) implements Call {}

  /** NdkAccept with a disconnect event callback. */
  record Accept(String connector, String qp) implements Call {}

  /** NdkCompleteConnect with a disconnect event callback. */
  record CompleteConnect(String connector) implements Call {}

  /** NdkDisconnect. */
  record Disconnect(String connector) implements Call {}

  /** NdkArmCq (ndkpi-spec 4, invariants 14-17). */
  record ArmCq(String cq, NdkCqNotificationType type) implements Call {}

  /** NdkControlCqInterruptModeration (ndkpi-spec 6). */
  record ControlModeration(String cq, long intervalUs, long count) implements Call {}

  /** The posts a lesson uses. */
  enum PostKind {
    RECEIVE("Receive"),
    SEND("Send"),
    WRITE("Write");

    private final String ndkName;

    PostKind(String ndkName) {
      this.ndkName = ndkName;
    }

    public String ndkName() {
      return ndkName;
    }
  }

  /**
   * {@code count} posts of one kind, back to back; request contexts are numbered per QP.
   *
   * @param flags NDK_OP_FLAG bits; on the last of the posts DEFER is kept only if {@code deferLast}
   */
  record Post(PostKind kind, String qp, int count, long bytes, int flags, boolean deferLast)
      implements Call {}

  /** NdkFlush (ndkpi-spec 5, invariant 20). */
  record Flush(String qp) implements Call {}

  /** NdkGetCqResultsEx until the CQ is empty. */
  record GetCqResults(String cq) implements Call {}

  /** NdkCloseObject (ndkpi-spec 3) with a close completion callback. */
  record Close(String object) implements Call {}

  /** CLOSE_NDK_ADAPTER_HANDLER: blocks, running the simulation (invariant 11). */
  record CloseAdapter(String adapter) implements Call {}

  /** What {@link WaitFor} waits for. */
  enum WaitKind {
    /** The object has been delivered (inline, or its create completion started). */
    CREATED,
    /** The object's close is complete (SUCCESS returned, or its completion returned). */
    CLOSED,
    /** The next CQ notification on the CQ starts. */
    NOTIFICATION,
    /** The next request completion on the object starts. */
    COMPLETION,
    /** The listener's next connect event; the connector gets the name {@code as}. */
    CONNECT_EVENT,
    /** The connector's disconnect event starts. */
    DISCONNECT_EVENT
  }

  /** Runs the simulation until something happens; a script error if it never does. */
  record WaitFor(WaitKind kind, String object, String as) implements Step {}

  /** Runs the simulation for a while. */
  record RunFor(long durationPs) implements Step {}

  /** Runs the simulation until an absolute simulated time. */
  record RunUntil(long timePs) implements Step {}

  /** Runs the simulation until nothing is left to happen. */
  record Settle() implements Step {}

  /** Does {@code steps} {@code times} times, starting one every {@code everyPs}. */
  record Repeat(int times, long everyPs, List<ScriptStep> steps) implements Step {}

  /**
   * From now on, every CQ notification on {@code cq} runs {@code steps} inside the callback (the
   * usual drain and re-arm, ndkpi-spec 4 re-entry); they must be calls, not waits.
   */
  record WhenNotified(String cq, List<ScriptStep> steps) implements Step {}

  /** Fault: the host's next firmware command of a kind runs, then fails with {@code status}. */
  record FailNextCommand(String host, FirmwareCommandKind command, NtStatus status)
      implements Step {}

  /** Adds a line with the CQ's completions, notifications and interrupts so far. */
  record Measure(String cq) implements Step {}
}
