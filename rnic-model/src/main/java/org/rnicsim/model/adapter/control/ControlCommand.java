package org.rnicsim.model.adapter.control;

/** A control-path command the adapter asks its firmware to execute. */
public sealed interface ControlCommand {

  /** Create a CQ with {@code depth} entries. */
  record CreateCq(int cqn, int depth) implements ControlCommand {}

  record DestroyCq(int cqn) implements ControlCommand {}

  /** Create an RC QP with the given ring depths. */
  record CreateQp(int qpn, int sendQueueDepth, int receiveQueueDepth) implements ControlCommand {}

  /** Move a QP to state {@code to} (a name of the transport's QP state). */
  record ModifyQp(int qpn, String from, String to) implements ControlCommand {}

  record DestroyQp(int qpn) implements ControlCommand {}

  /** Register a memory region of {@code pages} pages: the firmware writes its translations. */
  record RegisterMemory(int key, long pages) implements ControlCommand {}

  record DeregisterMemory(int key, long pages) implements ControlCommand {}
}
