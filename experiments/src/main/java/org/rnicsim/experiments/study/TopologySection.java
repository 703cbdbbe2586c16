package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Locale;

/**
 * How the machines are cabled, as written: one client and one server back to back, or several
 * client machines and one server on a switch. Every machine has the study's hardware.
 *
 * @param shape {@code back-to-back} or {@code switch}
 * @param clients client machines, each running the workload against the one server
 * @param switchLatency the switch's port-to-port forwarding latency
 * @param switchBuffer bytes each switch output queue holds
 */
public record TopologySection(
    @JsonPropertyDescription("back-to-back (one client, one server) or switch") String shape,
    @JsonPropertyDescription("client machines, each running the workload against one server")
        Integer clients,
    @JsonPropertyDescription("switch: port-to-port forwarding latency, with a unit: 100ns")
        String switchLatency,
    @JsonPropertyDescription("switch: bytes each output queue holds, with a unit: 1MiB")
        String switchBuffer) {

  /** A 64-port switch: the server and 63 clients, each simulated as a whole machine. */
  static final int MAX_CLIENTS = 63;

  static final String BACK_TO_BACK = "back-to-back";
  static final String SWITCH = "switch";

  TopologyPlan validate(Problems problems, String path, long mtuAndHeaderBytes) {
    int before = problems.count();
    String shapePath = path + ".shape";
    String shapeName = problems.require(shape, shapePath);
    boolean switched = SWITCH.equals(shapeName);
    if (shapeName != null && !switched && !BACK_TO_BACK.equals(shapeName)) {
      problems.report(
          shapePath,
          "'" + shapePath + "' must be back-to-back or switch (got '" + shapeName + "')");
    }
    String clientsPath = path + ".clients";
    if (problems.require(clients, clientsPath) != null) {
      if (switched || shapeName == null) {
        problems.check(
            clients >= 1 && clients <= MAX_CLIENTS,
            clientsPath,
            "be between 1 and " + MAX_CLIENTS + " (one switch port is the server's)",
            clients);
      } else {
        problems.check(
            clients == 1,
            clientsPath,
            "be 1 when the machines are back to back (use shape: switch for more)",
            clients);
      }
    }
    Long latencyPs = problems.durationPs(switchLatency, path + ".switchLatency");
    if (latencyPs != null) {
      problems.check(latencyPs >= 0, path + ".switchLatency", "not be negative", switchLatency);
    }
    Long bufferBytes = problems.bytes(switchBuffer, path + ".switchBuffer");
    if (bufferBytes != null) {
      problems.check(
          bufferBytes >= mtuAndHeaderBytes && bufferBytes <= (1L << 30),
          path + ".switchBuffer",
          String.format(
              Locale.ROOT, "hold at least one packet (%d B) and at most 1GiB", mtuAndHeaderBytes),
          switchBuffer);
    }
    if (problems.count() > before) {
      return null;
    }
    return new TopologyPlan(switched, clients, latencyPs, bufferBytes);
  }
}
