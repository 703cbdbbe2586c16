package org.rnicsim.model.fabric;

import org.rnicsim.engine.SimEvent;

/**
 * One packet on the fabric: an RC transport packet, or a management datagram for QP1 that carries
 * an opaque {@linkplain #managementMessage() message} of the host's connection manager. Header
 * fields are fixed when it is built; it is its own arrival event on each hop, so {@link #timePs()}
 * is when it reached the current hop. One field exists only for measurement, the {@linkplain
 * #measurementStampPs() stamp}: a request carries the time its work request was posted, and an ACK
 * or READ response carries the time the request reached the responder, so the per-stage breakdown
 * needs no global bookkeeping.
 */
public final class Packet extends SimEvent {
  /** QP1: every adapter's General Services Interface, where management datagrams go (IBA 13.5). */
  public static final int GENERAL_SERVICES_QPN = 1;

  private final PacketOpcode opcode;
  private final int sourceAddress;
  private final int destinationAddress;
  private final int destinationQpn;
  private final int psn;
  private final int payloadBytes;
  private final int wireBytes;
  private final long remoteAddress;
  private final long dmaLengthBytes;
  private final Object managementMessage;
  private long measurementStampPs = -1;
  // RETH R_Key of a WRITE first/only or READ request; -1 when the work request named none.
  private int remoteKey = -1;
  private boolean congestionExperienced;
  private Link.Direction hop;
  private int hopEpoch;
  // Where this packet's bytes count for PFC until it leaves a switch (set by the switch's ingress
  // account, stale once it has left): the ingress port and the entry's number in its queue for the
  // output. Fields read per booking instead of a map lookup; two ints keep the packet's size.
  int heldIngress;
  int heldSeq;

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
    this(
        opcode,
        sourceAddress,
        destinationAddress,
        destinationQpn,
        psn,
        payloadBytes,
        remoteAddress,
        dmaLengthBytes,
        baseHeaderBytes,
        null);
  }

  private Packet(
      PacketOpcode opcode,
      int sourceAddress,
      int destinationAddress,
      int destinationQpn,
      int psn,
      int payloadBytes,
      long remoteAddress,
      long dmaLengthBytes,
      long baseHeaderBytes,
      Object managementMessage) {
    this.opcode = opcode;
    this.managementMessage = managementMessage;
    this.sourceAddress = sourceAddress;
    this.destinationAddress = destinationAddress;
    this.destinationQpn = destinationQpn;
    this.psn = psn;
    this.payloadBytes = payloadBytes;
    this.remoteAddress = remoteAddress;
    this.dmaLengthBytes = dmaLengthBytes;
    this.wireBytes = Math.toIntExact(payloadBytes + baseHeaderBytes + opcode.extendedHeaderBytes());
  }

  /**
   * A management datagram to QP1 (the General Services Interface) of {@code destinationAddress}.
   *
   * @param madBytes the datagram's payload on the wire
   * @param message what the receiving host's manager gets; the fabric never looks inside
   */
  public static Packet managementDatagram(
      int sourceAddress,
      int destinationAddress,
      int madBytes,
      long baseHeaderBytes,
      Object message) {
    return new Packet(
        PacketOpcode.MANAGEMENT_DATAGRAM,
        sourceAddress,
        destinationAddress,
        GENERAL_SERVICES_QPN,
        0,
        madBytes,
        0,
        0,
        baseHeaderBytes,
        message);
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

  /** A management datagram's message; null for transport packets. */
  public Object managementMessage() {
    return managementMessage;
  }

  public long remoteAddress() {
    return remoteAddress;
  }

  /** The RETH memory key (R_Key), or -1: the responder then finds it by the address. */
  public int remoteKey() {
    return remoteKey;
  }

  public void setRemoteKey(int remoteKey) {
    this.remoteKey = remoteKey;
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

  /**
   * Whether a switch marked this packet Congestion Experienced (ECN CE in the IP header, RFC 3168);
   * the receiving adapter's notification point answers marked packets with CNPs (see {@link
   * PacketOpcode#CNP}).
   */
  public boolean congestionExperienced() {
    return congestionExperienced;
  }

  /** Sets ECN CE: a switch queue above its marking threshold chose this packet. */
  public void markCongestionExperienced() {
    this.congestionExperienced = true;
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
    if (opcode.isManagement()) {
      return "MAD " + managementMessage + " to " + destinationAddress + " (" + payloadBytes + " B)";
    }
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
