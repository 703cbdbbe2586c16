package org.rnicsim.ndk.consumer;

import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.provider.SimNdkProvider;

/**
 * Which provider a script runs against, below the lifetime verifier: the simulated provider as it
 * is, or a deliberately broken variant of it that a lesson uses to show the verifier at work.
 */
public enum ProviderVariant {
  /** {@link SimNdkProvider} unchanged. */
  CORRECT("correct", "the simulated provider, which keeps every rule"),
  /**
   * {@link LateNotificationProvider}: a CQ event that arrives after the CQ's close completed still
   * calls the CQ's notification, breaking invariant 6.
   */
  LATE_CQ_NOTIFICATION(
      "late-cq-notification",
      "a broken provider whose DPC forgets that a CQ was closed: an event arriving after the close"
          + " completion still calls the CQ's notification");

  private final String fileName;
  private final String description;

  ProviderVariant(String fileName, String description) {
    this.fileName = fileName;
    this.description = description;
  }

  /** The name a lesson file uses. */
  public String fileName() {
    return fileName;
  }

  public String description() {
    return description;
  }

  /** The provider the consumer's verifier wraps. */
  NdkProvider around(SimNdkProvider provider) {
    return switch (this) {
      case CORRECT -> provider;
      case LATE_CQ_NOTIFICATION -> new LateNotificationProvider(provider);
    };
  }
}
