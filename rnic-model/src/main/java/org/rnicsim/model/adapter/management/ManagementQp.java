package org.rnicsim.model.adapter.management;

import java.util.function.BooleanSupplier;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.Port;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * The adapter's side of QP1 (the General Services Interface, IBA 13.5), as an unreliable datagram
 * QP with one send and one receive path and no RC state.
 *
 * <p>Send: the host has written a WQE pointing at the MAD into the ring and writes the doorbell
 * over PCIe; the adapter fetches WQE and MAD with one DMA read, builds the packet and hands it to
 * the port, where it takes the next free place like an ACK (behind the packets already at the port,
 * not behind data still waiting in other QPs' send queues). Receive: after the receive pipeline the
 * adapter writes GRH and MAD into a receive buffer the host posted, then the CQE; when the CQE has
 * landed the {@link #setReceiver receiver} is told. Assumption: the host keeps QP1's receive ring
 * stocked, so a MAD is never dropped for want of a buffer (real agents post hundreds).
 *
 * <p>Statistics under {@code <adapter>.mad}: {@code .sent}, {@code .received}, {@code .dropped}
 * (adapter removed, or no agent registered).
 */
public final class ManagementQp {
  /** A MAD is 256 bytes, whatever its class (IBA 13.4.2). */
  public static final int MAD_BYTES = 256;

  /** The global route header a UD receive buffer gets in front of the payload (IBA 11.4.1.2). */
  static final long GRH_BYTES = 40;

  /** Assumption: a doorbell record write, as for the RC send queues. */
  static final long DOORBELL_BYTES = 8;

  private final RnicSimulator simulator;
  private final int address;
  private final HardwareProfile profile;
  private final DmaEngines dma;
  private final Port port;
  private final BooleanSupplier removed;
  private final Counter sent;
  private final Counter received;
  private final Counter dropped;
  private ManagementListener receiver;

  /**
   * @param removed true once the adapter was surprise-removed: nothing is sent or delivered
   */
  public ManagementQp(
      RnicSimulator simulator,
      String adapterName,
      int address,
      HardwareProfile profile,
      DmaEngines dma,
      Port port,
      BooleanSupplier removed,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.address = address;
    this.profile = profile;
    this.dma = dma;
    this.port = port;
    this.removed = removed;
    this.sent = stats.counter(adapterName + ".mad.sent");
    this.received = stats.counter(adapterName + ".mad.received");
    this.dropped = stats.counter(adapterName + ".mad.dropped");
  }

  /** Who is told of arriving datagrams; null drops them. */
  public void setReceiver(ManagementListener listener) {
    this.receiver = listener;
  }

  /** Posts one MAD carrying {@code message} to QP1 of the adapter at {@code destinationAddress}. */
  public void send(int destinationAddress, Object message) {
    if (removed.getAsBoolean()) {
      dropped.increment();
      return;
    }
    long doorbellPs = dma.link().mmioWrite(DOORBELL_BYTES);
    long fetchReadyPs = doorbellPs + profile.adapter().doorbellProcessingPs();
    Packet packet =
        Packet.managementDatagram(
            address, destinationAddress, MAD_BYTES, profile.port().packetHeaderBytes(), message);
    dma.read(
        fetchReadyPs, profile.adapter().wqeBytes() + MAD_BYTES, DmaRead.of(() -> transmit(packet)));
  }

  private void transmit(Packet packet) {
    if (removed.getAsBoolean()) {
      dropped.increment();
      return;
    }
    sent.increment();
    port.transmit(simulator.nowPs() + profile.adapter().txWqeProcessingPs(), packet);
  }

  /** A management datagram arrived at the port. */
  public void receive(Packet packet) {
    ManagementListener listener = receiver;
    if (removed.getAsBoolean() || listener == null) {
      dropped.increment();
      return;
    }
    received.increment();
    long readyPs = simulator.nowPs() + profile.adapter().rxPacketProcessingPs();
    dma.write(readyPs, GRH_BYTES + MAD_BYTES);
    // Posted writes land in order, so the CQE is visible only after the MAD.
    long cqeLandedPs =
        dma.write(readyPs + profile.adapter().cqeProcessingPs(), profile.adapter().cqeBytes());
    int source = packet.sourceAddress();
    Object message = packet.managementMessage();
    simulator.scheduleAt(
        cqeLandedPs,
        () -> {
          if (!removed.getAsBoolean()) {
            listener.onDatagram(source, message);
          }
        });
  }
}
