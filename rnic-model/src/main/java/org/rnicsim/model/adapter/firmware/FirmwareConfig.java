package org.rnicsim.model.adapter.firmware;

import java.util.EnumMap;
import java.util.Map;

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
}
