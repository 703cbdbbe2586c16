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
  private final String startText;
  private final String returnText;

  CallbackKind(String ndkName) {
    this.ndkName = ndkName;
    this.startText = "provider starts " + ndkName + " ";
    this.returnText = ndkName + " returns";
  }

  /** History text for the callback's start; the detail follows it. */
  String startText() {
    return startText;
  }

  /** History text for the callback's return. */
  String returnText() {
    return returnText;
  }

  /** The callback's name in ndkpi.h without the Ndk prefix. */
  String ndkName() {
    return ndkName;
  }
}
