package org.rnicsim.model.profile;

import java.util.EnumMap;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;

/**
 * The adapter firmware's command execution times, one per command the driver issues, how many
 * commands it executes at once and how long the driver waits for one. A profile's {@code firmware:}
 * section; every study kind reads the same numbers (the RDMA workloads when they set up their QPs,
 * the NDK provider for its pending creates and closes).
 *
 * @param registerMrPs the fixed part of REGISTER_MR
 * @param registerMrPerPagePs what REGISTER_MR adds per page of the region (0: a fixed latency)
 * @param commandSlots commands the adapter executes at the same time (1 = serialised)
 * @param commandTimeoutPs from a command's issue to the driver completing it with a timeout error
 */
public record FirmwareProfile(
    long createPdPs,
    long destroyPdPs,
    long createCqPs,
    long resizeCqPs,
    long modifyCqPs,
    long destroyCqPs,
    long createQpPs,
    long modifyQpPs,
    long queryQpPs,
    long destroyQpPs,
    long createSrqPs,
    long modifySrqPs,
    long destroySrqPs,
    long registerMrPs,
    long registerMrPerPagePs,
    long deregisterMrPs,
    long queryAdapterPs,
    int commandSlots,
    long commandTimeoutPs) {

  public FirmwareProfile {
    long[] latenciesPs = {
      createPdPs, destroyPdPs, createCqPs, resizeCqPs, modifyCqPs, destroyCqPs, createQpPs,
      modifyQpPs, queryQpPs, destroyQpPs, createSrqPs, modifySrqPs, destroySrqPs, registerMrPs,
      registerMrPerPagePs, deregisterMrPs, queryAdapterPs
    };
    for (long latencyPs : latenciesPs) {
      ProfileChecks.nonNegative("firmware command latency", latencyPs);
    }
    ProfileChecks.positive("firmware.commandSlots", commandSlots);
    ProfileChecks.positive("firmware.commandTimeoutPs", commandTimeoutPs);
  }

  /** The fixed execution time of {@code kind} (REGISTER_MR: without its per-page part). */
  public long latencyPs(FirmwareCommandKind kind) {
    return latencyOf(kind);
  }

  private long latencyOf(FirmwareCommandKind kind) {
    return switch (kind) {
      case CREATE_PD -> createPdPs;
      case DESTROY_PD -> destroyPdPs;
      case CREATE_CQ -> createCqPs;
      case RESIZE_CQ -> resizeCqPs;
      case MODIFY_CQ -> modifyCqPs;
      case DESTROY_CQ -> destroyCqPs;
      case CREATE_QP -> createQpPs;
      case MODIFY_QP -> modifyQpPs;
      case QUERY_QP -> queryQpPs;
      case DESTROY_QP -> destroyQpPs;
      case CREATE_SRQ -> createSrqPs;
      case MODIFY_SRQ -> modifySrqPs;
      case DESTROY_SRQ -> destroySrqPs;
      case REGISTER_MR -> registerMrPs;
      case DEREGISTER_MR -> deregisterMrPs;
      case QUERY_ADAPTER -> queryAdapterPs;
    };
  }

  /** The command queue's settings: these times, fixed (REGISTER_MR growing with its pages). */
  public FirmwareConfig config() {
    EnumMap<FirmwareCommandKind, CommandLatency> latencies =
        new EnumMap<>(FirmwareCommandKind.class);
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      latencies.put(kind, new CommandLatency.Fixed(latencyOf(kind)));
    }
    if (registerMrPerPagePs > 0) {
      latencies.put(
          FirmwareCommandKind.REGISTER_MR,
          new CommandLatency.PerPage(
              latencies.get(FirmwareCommandKind.REGISTER_MR), registerMrPerPagePs));
    }
    return new FirmwareConfig(latencies, commandSlots, commandTimeoutPs);
  }
}
