package org.rnicsim.model.adapter.firmware;

import java.util.EnumMap;
import java.util.Map;
import org.rnicsim.engine.SimTime;

/**
 * The firmware command queue's settings: a latency per command kind, how many commands execute at
 * once, and how long the driver waits for a command before completing it with a timeout error.
 *
 * @param latencies a latency for every {@link FirmwareCommandKind}
 * @param parallelSlots commands the adapter executes at the same time (1 = serialised)
 * @param driverTimeoutPs from the moment a command is issued to the adapter
 */
public record FirmwareConfig(
    Map<FirmwareCommandKind, CommandLatency> latencies, int parallelSlots, long driverTimeoutPs) {

  public FirmwareConfig {
    EnumMap<FirmwareCommandKind, CommandLatency> copy = new EnumMap<>(FirmwareCommandKind.class);
    copy.putAll(latencies);
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      if (copy.get(kind) == null) {
        throw new IllegalArgumentException("firmware config has no latency for " + kind);
      }
    }
    latencies = Map.copyOf(copy);
    if (parallelSlots < 1) {
      throw new IllegalArgumentException(
          "firmware needs at least one command slot, was " + parallelSlots);
    }
    if (driverTimeoutPs <= 0) {
      throw new IllegalArgumentException(
          "driver command timeout must be > 0 ps, was " + driverTimeoutPs);
    }
  }

  /**
   * Assumption throughout: calibration.md has no firmware command figures. Latencies of tens of
   * microseconds per object command, memory registration growing with its page list (0.1 us per
   * page), one command at a time, and the 60 s command timeout of the Linux mlx5 driver.
   */
  public static FirmwareConfig assumedDefaults() {
    long us = SimTime.PS_PER_US;
    EnumMap<FirmwareCommandKind, CommandLatency> map = new EnumMap<>(FirmwareCommandKind.class);
    map.put(FirmwareCommandKind.CREATE_PD, fixed(5 * us));
    map.put(FirmwareCommandKind.DESTROY_PD, fixed(5 * us));
    map.put(FirmwareCommandKind.CREATE_CQ, fixed(30 * us));
    map.put(FirmwareCommandKind.RESIZE_CQ, fixed(30 * us));
    map.put(FirmwareCommandKind.MODIFY_CQ, fixed(5 * us));
    map.put(FirmwareCommandKind.DESTROY_CQ, fixed(20 * us));
    map.put(FirmwareCommandKind.CREATE_QP, fixed(50 * us));
    map.put(FirmwareCommandKind.MODIFY_QP, fixed(20 * us));
    map.put(FirmwareCommandKind.QUERY_QP, fixed(10 * us));
    map.put(FirmwareCommandKind.DESTROY_QP, fixed(40 * us));
    map.put(FirmwareCommandKind.CREATE_SRQ, fixed(40 * us));
    map.put(FirmwareCommandKind.MODIFY_SRQ, fixed(10 * us));
    map.put(FirmwareCommandKind.DESTROY_SRQ, fixed(30 * us));
    map.put(FirmwareCommandKind.REGISTER_MR, new CommandLatency.PerPage(fixed(20 * us), us / 10));
    map.put(FirmwareCommandKind.DEREGISTER_MR, fixed(15 * us));
    map.put(FirmwareCommandKind.QUERY_ADAPTER, fixed(10 * us));
    return new FirmwareConfig(map, 1, 60 * SimTime.PS_PER_S);
  }

  public CommandLatency latency(FirmwareCommandKind kind) {
    return latencies.get(kind);
  }

  public FirmwareConfig withLatency(FirmwareCommandKind kind, CommandLatency latency) {
    EnumMap<FirmwareCommandKind, CommandLatency> map = new EnumMap<>(latencies);
    map.put(kind, latency);
    return new FirmwareConfig(map, parallelSlots, driverTimeoutPs);
  }

  public FirmwareConfig withParallelSlots(int slots) {
    return new FirmwareConfig(latencies, slots, driverTimeoutPs);
  }

  public FirmwareConfig withDriverTimeoutPs(long timeoutPs) {
    return new FirmwareConfig(latencies, parallelSlots, timeoutPs);
  }

  private static CommandLatency fixed(long latencyPs) {
    return new CommandLatency.Fixed(latencyPs);
  }
}
