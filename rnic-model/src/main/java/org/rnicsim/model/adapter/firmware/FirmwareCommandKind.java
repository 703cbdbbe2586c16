package org.rnicsim.model.adapter.firmware;

/** The firmware commands a driver issues; each kind has its own latency in the configuration. */
public enum FirmwareCommandKind {
  CREATE_PD,
  DESTROY_PD,
  CREATE_CQ,
  RESIZE_CQ,
  MODIFY_CQ,
  DESTROY_CQ,
  CREATE_QP,
  MODIFY_QP,
  QUERY_QP,
  DESTROY_QP,
  CREATE_SRQ,
  MODIFY_SRQ,
  DESTROY_SRQ,
  REGISTER_MR,
  DEREGISTER_MR,
  QUERY_ADAPTER
}
