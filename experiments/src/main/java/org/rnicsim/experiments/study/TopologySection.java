package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Locale;
import org.rnicsim.model.fabric.EcnMarking;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.testbed.LeafSpine;

/**
 * How the machines are cabled, as written: one client and one server back to back, several client
 * machines and one server on a switch, or on the leaves of a leaf-spine fabric. Every machine has
 * the study's hardware.
 *
 * @param shape {@code back-to-back}, {@code switch} or {@code leaf-spine}
 * @param clients client machines, each running the workload against the one server
 * @param switchLatency every switch's port-to-port forwarding latency
 * @param switchBuffer bytes each switch output queue holds
 * @param leaves leaf-spine: leaf switches
 * @param spines leaf-spine: spine switches, each linked to every leaf
 * @param hostsPerLeaf leaf-spine: machine ports per leaf
 * @param spineLinkRate leaf-spine: rate of each leaf-to-spine link
 * @param spineLinkDelay leaf-spine: one-way propagation delay of each leaf-to-spine cable
 * @param ecn how the switches' output queues mark packets CE
 */
public record TopologySection(
    @JsonPropertyDescription("back-to-back (one client, one server), switch or leaf-spine")
        String shape,
    @JsonPropertyDescription("client machines, each running the workload against one server")
        Integer clients,
    @JsonPropertyDescription(
            "switch, leaf-spine: port-to-port forwarding latency, with a unit: 100ns")
        String switchLatency,
    @JsonPropertyDescription("switch, leaf-spine: bytes each output queue holds, with a unit: 1MiB")
        String switchBuffer,
    @JsonPropertyDescription("leaf-spine: leaf switches (2 to 32)") Integer leaves,
    @JsonPropertyDescription("leaf-spine: spine switches, each linked to every leaf (1 to 32)")
        Integer spines,
    @JsonPropertyDescription(
            "leaf-spine: machine ports per leaf; machines are dealt round the leaves")
        Integer hostsPerLeaf,
    @JsonPropertyDescription("leaf-spine: rate of each leaf-to-spine link, with a unit: 100Gbps")
        String spineLinkRate,
    @JsonPropertyDescription(
            "leaf-spine: one-way delay of each leaf-to-spine cable, with a unit: 500ns")
        String spineLinkDelay,
    @JsonPropertyDescription(
            "switch, leaf-spine: ECN marking of each output queue (RED: marking, kmin, kmax, pmax)")
        EcnSection ecn) {

  /** A 64-port switch: the server and 63 clients, each simulated as a whole machine. */
  static final int MAX_CLIENTS = 63;

  static final String BACK_TO_BACK = "back-to-back";
  static final String SWITCH = "switch";
  static final String LEAF_SPINE = "leaf-spine";

  /**
   * @param port the adapters' port, or null when the hardware was refused (then the buffer is not
   *     measured against it)
   */
  TopologyPlan validate(Problems problems, String path, PortProfile port) {
    int before = problems.count();
    long mtuAndHeaderBytes = port == null ? 0 : port.mtuBytes() + port.packetHeaderBytes();
    String shapePath = path + ".shape";
    String shapeName = problems.require(shape, shapePath);
    boolean leafSpine = LEAF_SPINE.equals(shapeName);
    boolean switched = SWITCH.equals(shapeName) || leafSpine;
    if (shapeName != null && !switched && !BACK_TO_BACK.equals(shapeName)) {
      problems.report(
          shapePath,
          "'"
              + shapePath
              + "' must be back-to-back, switch or leaf-spine (got '"
              + shapeName
              + "')");
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
    LeafSpine fabric =
        leafSpine
            ? LeafSpineChecks.validate(problems, path, this, clients == null ? 0 : clients + 1)
            : null;
    EcnMarking marking =
        problems.require(ecn, path + ".ecn") == null ? null : ecn.validate(problems, path + ".ecn");
    if (problems.count() > before) {
      return null;
    }
    TopologyPlan plan =
        new TopologyPlan(switched, clients, latencyPs, bufferBytes, fabric, marking);
    if (leafSpine && port != null) {
      LeafSpineChecks.checkLossless(problems, path, plan, port, switchBuffer);
    } else if (switched && port != null) {
      checkLossless(problems, path, plan, PfcBudget.forAdapterPorts(port));
    }
    return problems.count() > before ? null : plan;
  }

  /**
   * Refuses a switch whose buffer cannot give every machine its PFC share: the model and the
   * results (switch_drops "lossless: 0") assume a lossless fabric, as InfiniBand's credits make it.
   * The budget is the one the simulated switch sets its XOFF from.
   */
  private void checkLossless(Problems problems, String path, TopologyPlan plan, PfcBudget budget) {
    int machines = plan.machines();
    if (budget.isLossless(plan.switchBufferBytes(), machines)) {
      return;
    }
    int held = budget.losslessPorts(plan.switchBufferBytes());
    String clientsPath = path + ".clients";
    problems.report(
        clientsPath,
        String.format(
            Locale.ROOT,
            "'%s' is too many for a lossless switch: '%s.switchBuffer' %s keeps %d machine(s)"
                + " lossless under a full incast (the server and %d client(s)); %d machines need"
                + " at least %s (got %d clients)",
            clientsPath,
            path,
            switchBuffer,
            held,
            Math.max(0, held - 1),
            machines,
            sizeAtLeast(budget.minimumBufferBytes(machines)),
            plan.clients()));
  }

  /**
   * {@code bytes} in KiB or MiB with two decimals, rounded up so that "at least" stays true: the
   * units a user writes in {@code switchBuffer}.
   */
  static String sizeAtLeast(long bytes) {
    long unit = bytes < (1L << 20) ? 1L << 10 : 1L << 20;
    long hundredths = (bytes * 100 + unit - 1) / unit;
    return String.format(
        Locale.ROOT,
        "%d.%02d %s",
        hundredths / 100,
        hundredths % 100,
        unit == 1L << 10 ? "KiB" : "MiB");
  }
}
