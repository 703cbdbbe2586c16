package org.rnicsim.ndk.provider.policy;

/** The consumer callbacks the provider runs, each with its own modelled CPU cost. */
public enum CallbackKind {
  /** NDK_FN_CREATE_COMPLETION. */
  CREATE_COMPLETION,
  /** NDK_FN_CLOSE_COMPLETION. */
  CLOSE_COMPLETION,
  /** NDK_FN_REQUEST_COMPLETION. */
  REQUEST_COMPLETION,
  /** NDK_FN_CQ_NOTIFICATION_CALLBACK. */
  CQ_NOTIFICATION,
  /** NDK_FN_SRQ_NOTIFICATION_CALLBACK. */
  SRQ_NOTIFICATION,
  /** NDK_FN_CONNECT_EVENT_CALLBACK. */
  CONNECT_EVENT,
  /** NDK_FN_DISCONNECT_EVENT_CALLBACK(_EX). */
  DISCONNECT_EVENT
}
