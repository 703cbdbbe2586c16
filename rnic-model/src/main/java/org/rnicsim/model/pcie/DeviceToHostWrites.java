package org.rnicsim.model.pcie;

/**
 * The adapter's posted writes towards the host: payload DMA writes, CQEs, EQEs and MSI-X messages.
 * All of them share the device-to-host direction of the link, so a CQE can queue behind a large
 * payload write; that contention is what an implementation models.
 */
public interface DeviceToHostWrites {
  /**
   * Queues a posted memory write of {@code payloadBytes}; {@code onLanded} runs when the data is
   * visible in host memory.
   */
  void postWrite(long payloadBytes, Runnable onLanded);

  /**
   * Queues an MSI-X message (a 4-byte posted write, calibration P2); {@code onDelivered} runs when
   * it reaches the host's interrupt controller.
   */
  void postMsiX(Runnable onDelivered);
}
