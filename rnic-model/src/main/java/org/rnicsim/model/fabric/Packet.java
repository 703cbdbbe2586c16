package org.rnicsim.model.fabric;

import org.rnicsim.engine.SimEvent;

/**
 * One RC transport packet. Header fields are fixed when it is built; it is its own arrival event on
 * each hop, so {@link #timePs()} is when it reached the current hop. One field exists only for
 * measurement, the {@linkplain #measurementStampPs() stamp}: a request carries the time its work
 * request was posted, and an ACK or READ response carries the time the request reached the
 * responder, so the per-stage breakdown needs no global bookkeeping.
 */
public final class Packet extends SimEvent {
  private final PacketOpcode opcode;
  private final int sourceAddress;
  private final int destinationAddress;
  private final int destinationQpn;
  private final int psn;
  private final int payloadBytes;
  private final int wireBytes;
  private final long remoteAddress;
  private final long dmaLengthBytes;
  private long measurementStampPs = -1;
  private Link.Direction hop;
  private int hopEpoch;

  /**
   * @param psn packet sequence number; for ACKs and NAKs the PSN acknowledged or expected
   * @param remoteAddress RETH virtual address (WRITE first/only, READ request), else 0
   * @param dmaLengthBytes RETH DMA length (WRITE first/only, READ request), else 0
   * @param baseHeaderBytes the port's per-packet header bytes
   */
  public Packet(
      PacketOpcode opcode,
      int sourceAddress,
      int destinationAddress,
      int destinationQpn,
      int psn,
      int payloadBytes,
      long remoteAddress,
      long dmaLengthBytes,
      long baseHeaderBytes) {
    this.opcode = opcode;
    this.sourceAddress = sourceAddress;
    this.destinationAddress = destinationAddress;
    this.destinationQpn = destinationQpn;
    this.psn = psn;
    this.payloadBytes = payloadBytes;
    this.remoteAddress = remoteAddress;
    this.dmaLengthBytes = dmaLengthBytes;
    this.wireBytes = Math.toIntExact(payloadBytes + baseHeaderBytes + opcode.extendedHeaderBytes());
  }

  public PacketOpcode opcode() {
    return opcode;
  }

  public int sourceAddress() {
    return sourceAddress;
  }

  public int destinationAddress() {
    return destinationAddress;
  }

  public int destinationQpn() {
    return destinationQpn;
  }

  public int psn() {
    return psn;
  }

  public int payloadBytes() {
    return payloadBytes;
  }

  /** Bytes the packet occupies on the wire: payload, base and extended headers. */
  public int wireBytes() {
    return wireBytes;
  }

  public long remoteAddress() {
    return remoteAddress;
  }

  public long dmaLengthBytes() {
    return dmaLengthBytes;
  }

  /**
   * Measurement only: on a request, when its work request was posted; on an ACK or READ response,
   * when the request reached the responder; -1 if unknown.
   */
  public long measurementStampPs() {
    return measurementStampPs;
  }

  public void setMeasurementStampPs(long stampPs) {
    this.measurementStampPs = stampPs;
  }

  void travel(Link.Direction direction, int epoch) {
    this.hop = direction;
    this.hopEpoch = epoch;
  }

  @Override
  protected void fire() {
    hop.arrive(this, hopEpoch);
  }

  @Override
  public String toString() {
    return opcode
        + " psn "
        + psn
        + " to "
        + destinationAddress
        + "/qp"
        + destinationQpn
        + " ("
        + payloadBytes
        + " B)";
  }
}
