package org.rnicsim.model.fabric;

/** Whatever a port hands arriving packets to: an adapter's receive pipeline or a switch. */
@FunctionalInterface
public interface PacketSink {
  /** Called at the simulated time the packet has left the receiving port's PHY and MAC. */
  void receive(Packet packet);
}
