package org.rnicsim.model.fabric;

/**
 * RC transport packet kinds (InfiniBand Architecture Specification, chapter 9), with the extended
 * transport header bytes each carries on top of the base headers: RETH (16 B) on the first packet
 * of a WRITE and on a READ request, AETH (4 B) on ACKs, NAKs and the first and last READ response.
 *
 * <p>{@link #MANAGEMENT_DATAGRAM} is the one datagram kind: a UD SEND-only to QP1, the General
 * Services Interface, carrying one management datagram (a connection-manager MAD); its DETH is 8 B
 * (IBA 9.3.3, 13.5). The receiving adapter hands it to its management QP, never to the RC
 * transport.
 */
public enum PacketOpcode {
  SEND_FIRST(0, true),
  SEND_MIDDLE(0, true),
  SEND_LAST(0, true),
  SEND_ONLY(0, true),
  WRITE_FIRST(16, true),
  WRITE_MIDDLE(0, true),
  WRITE_LAST(0, true),
  WRITE_ONLY(16, true),
  READ_REQUEST(16, true),
  READ_RESPONSE_FIRST(4, false),
  READ_RESPONSE_MIDDLE(0, false),
  READ_RESPONSE_LAST(4, false),
  READ_RESPONSE_ONLY(4, false),
  ACK(4, false),
  NAK_SEQUENCE_ERROR(4, false),
  NAK_RECEIVER_NOT_READY(4, false),
  /**
   * The responder refused a request's memory access (an rkey it holds no region for, or an access
   * outside the region): the requester completes that WQE in error (IBA chapter 9, the AETH NAK
   * codes).
   */
  NAK_REMOTE_ACCESS_ERROR(4, false),
  MANAGEMENT_DATAGRAM(8, true),
  /**
   * RoCEv2 Congestion Notification Packet (IBTA RoCEv2 Annex A17.9.3, BTH opcode 0x81): the
   * notification point's answer to ECN-marked packets, sent to the marked packet's source QP; 16
   * reserved bytes follow the BTH. It travels like an ACK, responder to requester.
   */
  CNP(16, false);

  /** The most any packet kind adds: a full-MTU packet is at most MTU + base + this. */
  public static final int MAX_EXTENDED_HEADER_BYTES =
      java.util.Arrays.stream(values()).mapToInt(PacketOpcode::extendedHeaderBytes).max().orElse(0);

  private final int extendedHeaderBytes;
  private final boolean request;

  PacketOpcode(int extendedHeaderBytes, boolean request) {
    this.extendedHeaderBytes = extendedHeaderBytes;
    this.request = request;
  }

  public int extendedHeaderBytes() {
    return extendedHeaderBytes;
  }

  /** A congestion notification: for the reaction point, never the RC transport. */
  public boolean isCongestionNotification() {
    return this == CNP;
  }

  /** A datagram for the management QP rather than the RC transport. */
  public boolean isManagement() {
    return this == MANAGEMENT_DATAGRAM;
  }

  /** Requests go requester to responder; everything else goes back. */
  public boolean isRequest() {
    return request;
  }

  public boolean isFirstOfMessage() {
    return this == SEND_FIRST
        || this == SEND_ONLY
        || this == WRITE_FIRST
        || this == WRITE_ONLY
        || this == READ_RESPONSE_FIRST
        || this == READ_RESPONSE_ONLY;
  }

  public boolean isLastOfMessage() {
    return this == SEND_LAST
        || this == SEND_ONLY
        || this == WRITE_LAST
        || this == WRITE_ONLY
        || this == READ_REQUEST
        || this == READ_RESPONSE_LAST
        || this == READ_RESPONSE_ONLY;
  }

  public boolean isSend() {
    return this == SEND_FIRST || this == SEND_MIDDLE || this == SEND_LAST || this == SEND_ONLY;
  }

  public boolean isWrite() {
    return this == WRITE_FIRST || this == WRITE_MIDDLE || this == WRITE_LAST || this == WRITE_ONLY;
  }

  public boolean isReadResponse() {
    return this == READ_RESPONSE_FIRST
        || this == READ_RESPONSE_MIDDLE
        || this == READ_RESPONSE_LAST
        || this == READ_RESPONSE_ONLY;
  }

  /** The SEND opcode for packet {@code index} of a message of {@code count} packets. */
  public static PacketOpcode send(int index, int count) {
    return pick(index, count, SEND_ONLY, SEND_FIRST, SEND_MIDDLE, SEND_LAST);
  }

  /** The WRITE opcode for packet {@code index} of a message of {@code count} packets. */
  public static PacketOpcode write(int index, int count) {
    return pick(index, count, WRITE_ONLY, WRITE_FIRST, WRITE_MIDDLE, WRITE_LAST);
  }

  /** The READ response opcode for packet {@code index} of {@code count}. */
  public static PacketOpcode readResponse(int index, int count) {
    return pick(
        index,
        count,
        READ_RESPONSE_ONLY,
        READ_RESPONSE_FIRST,
        READ_RESPONSE_MIDDLE,
        READ_RESPONSE_LAST);
  }

  private static PacketOpcode pick(
      int index,
      int count,
      PacketOpcode only,
      PacketOpcode first,
      PacketOpcode middle,
      PacketOpcode last) {
    if (count == 1) {
      return only;
    }
    if (index == 0) {
      return first;
    }
    return index == count - 1 ? last : middle;
  }
}
