package org.rnicsim.model.adapter.completion;

/** What a work request did, as its completion reports it. */
public enum WorkOpcode {
  SEND,
  RDMA_WRITE,
  RDMA_READ,
  /** A receive WQE consumed by an incoming SEND. */
  RECEIVE
}
