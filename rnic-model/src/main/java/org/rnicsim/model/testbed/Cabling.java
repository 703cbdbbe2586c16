package org.rnicsim.model.testbed;

import org.rnicsim.model.fabric.EcnMarking;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.fabric.SwitchConfig;
import org.rnicsim.model.profile.PortProfile;

/**
 * How the machines of a {@link Testbed} are cabled: back to back (one machine's port looped back to
 * itself, or two machines on one cable), every machine on its own port of one switch, or the
 * machines on the leaves of a {@linkplain LeafSpine leaf-spine} fabric.
 *
 * @param switched whether the machines hang off a switch (one, or the leaves of a leaf-spine)
 * @param switchLatencyPs every switch's port-to-port forwarding latency
 * @param switchBufferBytes bytes each switch output queue holds
 * @param leafSpine the leaf-spine's shape, or null for back to back and one switch
 * @param ecn how each switch output queue marks packets CE ({@link EcnMarking#OFF}: never)
 */
public record Cabling(
    boolean switched,
    long switchLatencyPs,
    long switchBufferBytes,
    LeafSpine leafSpine,
    EcnMarking ecn) {

  public Cabling {
    if (ecn == null) {
      throw new IllegalArgumentException("no ECN setting (EcnMarking.OFF marks nothing)");
    }
    if (switched && (switchLatencyPs < 0 || switchBufferBytes <= 0)) {
      throw new IllegalArgumentException(
          "a switch needs a latency >= 0 and a buffer > 0, was "
              + switchLatencyPs
              + " ps and "
              + switchBufferBytes
              + " B");
    }
    if (leafSpine != null && !switched) {
      throw new IllegalArgumentException("a leaf-spine is switched");
    }
  }

  /** One or two machines, no switch. */
  public static Cabling backToBack() {
    return new Cabling(false, 0, 0, null, EcnMarking.OFF);
  }

  /** Every machine on one port of a switch. */
  public static Cabling onSwitch(long switchLatencyPs, long switchBufferBytes) {
    return new Cabling(true, switchLatencyPs, switchBufferBytes, null, EcnMarking.OFF);
  }

  /** The same cabling with every switch's output queues marking by {@code marking}. */
  public Cabling withEcn(EcnMarking marking) {
    return new Cabling(switched, switchLatencyPs, switchBufferBytes, leafSpine, marking);
  }

  /** The machines on the leaves of {@code shape}, every switch of this latency and buffer. */
  public static Cabling leafSpine(long switchLatencyPs, long switchBufferBytes, LeafSpine shape) {
    return new Cabling(true, switchLatencyPs, switchBufferBytes, shape, EcnMarking.OFF);
  }

  /**
   * The most machines this cabling connects: two back to back, the leaves' host ports on a
   * leaf-spine, {@code Integer.MAX_VALUE} on one switch.
   */
  public int maxMachines() {
    if (leafSpine != null) {
      return leafSpine.maxMachines();
    }
    return switched ? Integer.MAX_VALUE : 2;
  }

  /**
   * The switch for {@code machines} machines with ports like {@code port}. Assumption: the fabric
   * is lossless, as InfiniBand's credit-based flow control makes it; the switch does it with PFC.
   * XOFF leaves every machine's port the 802.1Qbb headroom (the bytes still arriving while the
   * PAUSE travels, see {@link PfcBudget}) inside its share of one output buffer, so even all
   * machines sending to one port cannot overflow it. XON at half of XOFF is an assumption.
   */
  public SwitchConfig switchConfig(PortProfile port, int machines) {
    long xoffBytes = PfcBudget.forAdapterPorts(port).xoffBytes(switchBufferBytes, machines);
    return new SwitchConfig(
        machines,
        port.rateBitsPerSecond(),
        switchLatencyPs,
        port.txLatencyPs(),
        port.rxLatencyPs(),
        switchBufferBytes,
        true,
        xoffBytes,
        xoffBytes / 2,
        ecn);
  }

  public String describe() {
    if (leafSpine != null) {
      return "on a leaf-spine (" + leafSpine.describe() + ")";
    }
    return switched ? "on a switch" : "back to back";
  }
}
