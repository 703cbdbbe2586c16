package org.rnicsim.model.adapter.management;

/** The host's management agent (its connection manager): told of each datagram that arrived. */
@FunctionalInterface
public interface ManagementListener {
  /**
   * A management datagram from adapter {@code sourceAddress} is in host memory.
   *
   * @param message what the sender's agent handed its adapter
   */
  void onDatagram(int sourceAddress, Object message);
}
