package org.rnicsim.model.adapter.firmware;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.EventHandle;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent.CommandCompleted;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent.CommandIssued;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent.CommandSubmitted;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent.LateCompletionIgnored;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent.SurpriseRemoval;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.InterruptController;

/**
 * The adapter's firmware command interface as the driver sees it. Commands wait in FIFO order for
 * one of {@link FirmwareConfig#parallelSlots()} slots; an issued command executes for a time drawn
 * from its kind's latency (stream {@code <adapter>.firmware}), then the adapter writes a completion
 * EQE to the command event queue and interrupts; the DPC completes the command, frees its slot and
 * runs the callback. As in mlx5, the slot is released only when the driver has handled the
 * completion, so interrupt latency is part of the serialisation.
 *
 * <p>Every command completes exactly once: with {@link CommandStatus#SUCCESS}, with {@link
 * CommandStatus#TIMED_OUT} when the driver's timeout (counted from issue) runs out first (the slot
 * is reclaimed and a late completion ignored), or with {@link CommandStatus#DEVICE_REMOVED}.
 *
 * <p>Statistics under {@code <adapter>.fw}: {@code .latencyPs.<KIND>} (submit to callback of each
 * successful command), {@code .occupancy} (commands waiting or issued), {@code .timeouts}, {@code
 * .removedFailures}, {@code .lateCompletions}.
 */
public final class FirmwareCommandQueue {
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final String adapterName;
  private final FirmwareConfig config;
  private final SimRandom random;
  private final InterruptController interrupts;
  private final EventQueue commandEventQueue;
  private final Trace trace;
  private final ArrayDeque<Command> waiting = new ArrayDeque<>();
  private final Map<Long, Command> issued = new LinkedHashMap<>();
  private final Map<FirmwareCommandKind, LatencyHistogram> latencies =
      new EnumMap<>(FirmwareCommandKind.class);
  private final TimeWeightedGauge occupancy;
  private final Counter timeouts;
  private final Counter removedFailures;
  private final Counter lateCompletions;
  private long nextToken = 1;
  private boolean hangNextIssued;
  private boolean removed;

  public FirmwareCommandQueue(
      RnicSimulator simulator,
      StatisticsRegistry stats,
      RandomStreams streams,
      String adapterName,
      FirmwareConfig config,
      InterruptController interrupts,
      EventQueue commandEventQueue) {
    this.simulator = simulator;
    this.stats = stats;
    this.adapterName = adapterName;
    this.config = config;
    this.random = streams.stream(adapterName + ".firmware");
    this.interrupts = interrupts;
    this.commandEventQueue = commandEventQueue;
    this.trace = simulator.trace();
    String prefix = adapterName + ".fw";
    this.occupancy = stats.gauge(prefix + ".occupancy");
    this.timeouts = stats.counter(prefix + ".timeouts");
    this.removedFailures = stats.counter(prefix + ".removedFailures");
    this.lateCompletions = stats.counter(prefix + ".lateCompletions");
    interrupts.setCommandCompletionListener(this::onCompletionEqe);
  }

  /**
   * Queues a command; {@code callback} runs exactly once, never inline.
   *
   * @return the command's token
   */
  public long submit(FirmwareCommand command, CommandCallback callback) {
    Command cmd = new Command(nextToken++, command, callback, simulator.nowPs());
    if (trace.isOn()) {
      trace.emit(new CommandSubmitted(cmd.submittedPs, adapterName, cmd.token, command.kind()));
    }
    if (removed) {
      // The driver fails the call on its own, but still through the asynchronous path.
      simulator.schedule(0, () -> complete(cmd, CommandStatus.DEVICE_REMOVED));
      return cmd.token;
    }
    waiting.addLast(cmd);
    occupancy.set(outstanding());
    issueWaiting();
    return cmd.token;
  }

  /** Commands waiting for a slot or issued to the adapter. */
  public int outstanding() {
    return waiting.size() + issued.size();
  }

  /**
   * Fault: at {@code timePs} the oldest command executing on the adapter stops and never reports
   * completion; if none is executing then, the next command issued does so instead.
   */
  public void injectHangAt(long timePs) {
    simulator.scheduleAt(timePs, this::hangNow);
  }

  /** Fault: surprise removal at {@code timePs}. */
  public void injectSurpriseRemovalAt(long timePs) {
    simulator.scheduleAt(timePs, this::surpriseRemoval);
  }

  /**
   * The adapter is gone: every waiting and issued command completes now with {@link
   * CommandStatus#DEVICE_REMOVED}, and so does every later one.
   */
  public void surpriseRemoval() {
    if (removed) {
      return;
    }
    removed = true;
    List<Command> failed = new ArrayList<>(issued.values());
    failed.addAll(waiting);
    issued.clear();
    waiting.clear();
    if (trace.isOn()) {
      trace.emit(new SurpriseRemoval(simulator.nowPs(), failed.size()));
    }
    for (Command cmd : failed) {
      cancel(cmd.deviceDone);
      cancel(cmd.timeout);
      complete(cmd, CommandStatus.DEVICE_REMOVED);
    }
  }

  private void hangNow() {
    for (Command cmd : issued.values()) {
      if (cmd.deviceDone != null && cmd.deviceDone.isScheduled()) {
        simulator.cancel(cmd.deviceDone);
        cmd.deviceDone = null;
        if (trace.isOn()) {
          trace.emit(
              new FirmwareTraceEvent.CommandExecuted(
                  simulator.nowPs(), adapterName, cmd.token, cmd.command.kind()));
        }
        return;
      }
    }
    hangNextIssued = true;
  }

  private void issueWaiting() {
    while (!removed && issued.size() < config.parallelSlots() && !waiting.isEmpty()) {
      issue(waiting.removeFirst());
    }
  }

  private void issue(Command cmd) {
    issued.put(cmd.token, cmd);
    FirmwareCommand command = cmd.command;
    long executionPs = config.latency(command.kind()).drawPs(random, command.pageCount());
    boolean hangs = hangNextIssued;
    hangNextIssued = false;
    if (!hangs) {
      cmd.deviceDone = simulator.schedule(executionPs, () -> deviceFinished(cmd));
    }
    cmd.timeout = simulator.schedule(config.driverTimeoutPs(), () -> timedOut(cmd));
    if (trace.isOn()) {
      trace.emit(
          new CommandIssued(
              simulator.nowPs(), adapterName, cmd.token, command.kind(), hangs ? -1 : executionPs));
    }
  }

  private void deviceFinished(Command cmd) {
    cmd.deviceDone = null;
    if (trace.isOn()) {
      trace.emit(
          new FirmwareTraceEvent.CommandExecuted(
              simulator.nowPs(), adapterName, cmd.token, cmd.command.kind()));
    }
    interrupts.postCommandCompletion(commandEventQueue, cmd.token);
  }

  private void onCompletionEqe(long token) {
    Command cmd = issued.remove(token);
    if (cmd == null) {
      lateCompletions.increment();
      if (trace.isOn()) {
        trace.emit(new LateCompletionIgnored(simulator.nowPs(), token));
      }
      return;
    }
    cancel(cmd.timeout);
    complete(cmd, CommandStatus.SUCCESS);
  }

  private void timedOut(Command cmd) {
    if (issued.remove(cmd.token) == null) {
      return;
    }
    // A slow adapter may still report it later: that completion is counted and ignored.
    timeouts.increment();
    complete(cmd, CommandStatus.TIMED_OUT);
  }

  private void complete(Command cmd, CommandStatus status) {
    long nowPs = simulator.nowPs();
    CommandResult result =
        new CommandResult(cmd.token, cmd.command, status, cmd.submittedPs, nowPs);
    if (status == CommandStatus.SUCCESS) {
      latencyHistogram(cmd.command.kind()).recordPs(result.latencyPs());
    } else if (status == CommandStatus.DEVICE_REMOVED) {
      removedFailures.increment();
    }
    if (trace.isOn()) {
      trace.emit(
          new CommandCompleted(
              nowPs, adapterName, cmd.token, cmd.command.kind(), status, result.latencyPs()));
    }
    occupancy.set(outstanding());
    issueWaiting();
    cmd.callback.onComplete(result);
  }

  private LatencyHistogram latencyHistogram(FirmwareCommandKind kind) {
    return latencies.computeIfAbsent(
        kind, k -> stats.histogram(adapterName + ".fw.latencyPs." + k.name()));
  }

  private void cancel(EventHandle handle) {
    if (handle != null) {
      simulator.cancel(handle);
    }
  }

  private static final class Command {
    final long token;
    final FirmwareCommand command;
    final CommandCallback callback;
    final long submittedPs;
    EventHandle deviceDone;
    EventHandle timeout;

    Command(long token, FirmwareCommand command, CommandCallback callback, long submittedPs) {
      this.token = token;
      this.command = command;
      this.callback = callback;
      this.submittedPs = submittedPs;
    }
  }
}
