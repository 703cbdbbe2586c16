package org.rnicsim.ndk.provider.connection;

/**
 * The connection manager's messages, named as InfiniBand CM names them (IBA 12.6): each travels as
 * one 256-byte MAD to the peer's QP1 on the packet fabric.
 */
enum CmMessage {
  /** Connect: the request, with the active side's read limits and private data. */
  REQ,
  /** Message receipt acknowledgement: got it, the consumer has not answered yet; stop resending. */
  MRA,
  /** Reject: refused (no listener, paused, Reject) or aborted during the handshake. */
  REJ,
  /** Reply: Accept, with the passive side's read limits and private data. */
  REP,
  /** Ready to use: CompleteConnect. */
  RTU,
  /** Disconnect request: Disconnect, or the close of an established connector. */
  DREQ,
  /** Disconnect reply. */
  DREP
}
