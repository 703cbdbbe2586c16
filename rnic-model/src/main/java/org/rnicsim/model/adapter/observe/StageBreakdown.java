package org.rnicsim.model.adapter.observe;

import java.util.List;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.completion.WorkOpcode;

/**
 * Per-stage latency histograms of one adapter's work requests. Each stage is the time from the
 * previous stage's timestamp to its own, so the stage means add up to the total.
 *
 * <p>Requester stages, under {@code <adapter>.latency.<send|write|read>.<stage>Ps}: {@code
 * doorbellLanded} (post to doorbell at the adapter: CPU and MMIO), {@code contextReady} (doorbell
 * handling and QP context lookup), {@code wqeFetched}, {@code payloadFetched}, {@code onWire} (send
 * pipeline, port queue, serialisation of the last packet), {@code atResponder} (MAC, PHY, cable,
 * switch), {@code ackBack} (responder work and the way back), {@code cqeLanded}; and {@code total}.
 *
 * <p>Responder stages of a received SEND, under {@code <adapter>.latency.receive.<stage>Ps}: {@code
 * contextReady}, {@code payloadLanded}, {@code cqeLanded}, and {@code oneWay}, from the requester's
 * post to the receive CQE landing (what a polling ping-pong measures, minus polling).
 */
public final class StageBreakdown {
  /** Requester stage names in path order. */
  public static final List<String> REQUESTER_STAGES =
      List.of(
          "doorbellLanded",
          "contextReady",
          "wqeFetched",
          "payloadFetched",
          "onWire",
          "atResponder",
          "ackBack",
          "cqeLanded");

  /** Responder stage names in path order. */
  public static final List<String> RECEIVE_STAGES =
      List.of("contextReady", "payloadLanded", "cqeLanded");

  // By opcode ordinal (null for RECEIVE): looked up per WRITE, an array index, not an EnumMap get.
  private final LatencyHistogram[][] requester = new LatencyHistogram[WorkOpcode.values().length][];
  private final LatencyHistogram[] requesterTotal =
      new LatencyHistogram[WorkOpcode.values().length];
  private final LatencyHistogram[] receive;
  private final LatencyHistogram receiveOneWay;

  public StageBreakdown(String adapterName, StatisticsRegistry stats) {
    for (WorkOpcode opcode :
        List.of(WorkOpcode.SEND, WorkOpcode.RDMA_WRITE, WorkOpcode.RDMA_READ)) {
      String prefix = adapterName + ".latency." + shortName(opcode) + ".";
      LatencyHistogram[] stages = new LatencyHistogram[REQUESTER_STAGES.size()];
      for (int i = 0; i < stages.length; i++) {
        stages[i] = stats.histogram(prefix + REQUESTER_STAGES.get(i) + "Ps");
      }
      requester[opcode.ordinal()] = stages;
      requesterTotal[opcode.ordinal()] = stats.histogram(prefix + "totalPs");
    }
    String prefix = adapterName + ".latency.receive.";
    receive = new LatencyHistogram[RECEIVE_STAGES.size()];
    for (int i = 0; i < receive.length; i++) {
      receive[i] = stats.histogram(prefix + RECEIVE_STAGES.get(i) + "Ps");
    }
    receiveOneWay = stats.histogram(prefix + "oneWayPs");
  }

  /** The name used in statistics for a requester opcode: send, write, read. */
  public static String shortName(WorkOpcode opcode) {
    return switch (opcode) {
      case SEND -> "send";
      case RDMA_WRITE -> "write";
      case RDMA_READ -> "read";
      case RECEIVE -> "receive";
    };
  }

  /**
   * Records one successful send-queue request from its timestamps; {@code cqeLandedPs} is -1 for an
   * unsignalled request, whose total then ends at the ACK.
   */
  public void recordRequester(
      WorkOpcode opcode,
      long postedPs,
      long doorbellPs,
      long contextReadyPs,
      long wqeFetchedPs,
      long payloadFetchedPs,
      long onWirePs,
      long atResponderPs,
      long ackPs,
      long cqeLandedPs) {
    LatencyHistogram[] stages = requester[opcode.ordinal()];
    long previous = postedPs;
    previous = stage(stages[0], previous, doorbellPs);
    previous = stage(stages[1], previous, contextReadyPs);
    previous = stage(stages[2], previous, wqeFetchedPs);
    previous = stage(stages[3], previous, payloadFetchedPs);
    previous = stage(stages[4], previous, onWirePs);
    previous = stage(stages[5], previous, atResponderPs);
    previous = stage(stages[6], previous, ackPs);
    long endPs = ackPs;
    if (cqeLandedPs >= 0) {
      stage(stages[7], previous, cqeLandedPs);
      endPs = cqeLandedPs;
    }
    if (endPs >= postedPs) {
      requesterTotal[opcode.ordinal()].recordPs(endPs - postedPs);
    }
  }

  /** Records one received SEND from its timestamps at the responder. */
  public void recordReceive(
      long requestPostedPs,
      long arrivalPs,
      long contextReadyPs,
      long payloadLandedPs,
      long cqeLandedPs) {
    long previous = arrivalPs;
    previous = stage(receive[0], previous, contextReadyPs);
    previous = stage(receive[1], previous, payloadLandedPs);
    stage(receive[2], previous, cqeLandedPs);
    if (requestPostedPs >= 0 && cqeLandedPs >= requestPostedPs) {
      receiveOneWay.recordPs(cqeLandedPs - requestPostedPs);
    }
  }

  /**
   * A stage ends at {@code endPs}; a stage that did not happen (-1) or that overlapped the previous
   * one (pipelining: a later stage may finish first for one packet of many) records nothing and
   * leaves the running time where it was.
   */
  private static long stage(LatencyHistogram histogram, long previousPs, long endPs) {
    if (endPs < 0) {
      return previousPs;
    }
    if (endPs < previousPs) {
      histogram.recordPs(0);
      return previousPs;
    }
    histogram.recordPs(endPs - previousPs);
    return endPs;
  }
}
