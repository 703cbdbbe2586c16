package org.rnicsim.ndk.verifier;

/** The NDK callback types (ndkpi-spec 2, 3, 4), as the verifier names them in reports. */
enum CallbackKind {
  CREATE_COMPLETION("CreateCompletion"),
  CLOSE_COMPLETION("CloseCompletion"),
  REQUEST_COMPLETION("RequestCompletion"),
  CQ_NOTIFICATION("CqNotification"),
  SRQ_NOTIFICATION("SrqNotification"),
  CONNECT_EVENT("ConnectEvent"),
  DISCONNECT_EVENT("DisconnectEvent");

  private final String ndkName;

  CallbackKind(String ndkName) {
    this.ndkName = ndkName;
  }

  /** The callback's name in ndkpi.h without the Ndk prefix. */
  String ndkName() {
    return ndkName;
  }
}
