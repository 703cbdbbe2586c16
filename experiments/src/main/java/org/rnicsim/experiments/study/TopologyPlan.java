package org.rnicsim.experiments.study;

import org.rnicsim.model.fabric.EcnMarking;
import org.rnicsim.model.testbed.Cabling;
import org.rnicsim.model.testbed.LeafSpine;

/**
 * A validated topology.
 *
 * @param switched whether the machines hang off a switch or a leaf-spine's leaves (else one client
 *     and the server are cabled back to back)
 * @param clients client machines; the server is one more
 * @param switchLatencyPs port-to-port forwarding latency of every switch
 * @param switchBufferBytes bytes each switch output queue holds
 * @param leafSpine the leaf-spine's shape, or null for back to back and one switch
 * @param ecn how the switches' output queues mark packets CE
 */
public record TopologyPlan(
    boolean switched,
    int clients,
    long switchLatencyPs,
    long switchBufferBytes,
    LeafSpine leafSpine,
    EcnMarking ecn) {

  /** Machines in the simulation: the clients and the server. */
  public int machines() {
    return clients + 1;
  }

  /**
   * Machine ports the fabric has: the leaves' host ports on a leaf-spine (a workload that uses
   * every host, not a server and clients, builds this many), else {@link #machines()}.
   */
  public int fabricHosts() {
    return leafSpine != null ? leafSpine.maxMachines() : machines();
  }

  /** How the model's testbed cables the machines. */
  public Cabling cabling() {
    if (leafSpine != null) {
      return Cabling.leafSpine(switchLatencyPs, switchBufferBytes, leafSpine).withEcn(ecn);
    }
    return switched
        ? Cabling.onSwitch(switchLatencyPs, switchBufferBytes).withEcn(ecn)
        : Cabling.backToBack();
  }

  public String describe() {
    if (leafSpine != null) {
      return clients + " client(s) and a server on a leaf-spine (" + leafSpine.describe() + ")";
    }
    return switched ? clients + " client(s) and a server on a switch" : "back to back";
  }
}
