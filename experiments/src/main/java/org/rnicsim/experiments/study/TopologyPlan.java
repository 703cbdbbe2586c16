package org.rnicsim.experiments.study;

import org.rnicsim.model.fabric.EcnMarking;
import org.rnicsim.model.testbed.Cabling;

/**
 * A validated topology.
 *
 * @param switched whether the machines hang off a switch (else one client and the server are cabled
 *     back to back)
 * @param clients client machines; the server is one more
 * @param switchLatencyPs port-to-port forwarding latency of the switch
 * @param switchBufferBytes bytes each switch output queue holds
 * @param ecn how the switch's output queues mark packets CE
 */
public record TopologyPlan(
    boolean switched, int clients, long switchLatencyPs, long switchBufferBytes, EcnMarking ecn) {

  /** Machines in the simulation: the clients and the server. */
  public int machines() {
    return clients + 1;
  }

  /** How the model's testbed cables the machines. */
  public Cabling cabling() {
    return switched
        ? Cabling.onSwitch(switchLatencyPs, switchBufferBytes).withEcn(ecn)
        : Cabling.backToBack();
  }

  public String describe() {
    return switched ? clients + " client(s) and a server on a switch" : "back to back";
  }
}
