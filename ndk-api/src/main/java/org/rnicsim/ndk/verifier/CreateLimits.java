package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.struct.NdkAdapterInfo;

/**
 * Invariant 30: which NDK_ADAPTER_INFO maximum a create's arguments exceed, as a phrase for the
 * report, or null if none (or if the provider reports no info).
 */
final class CreateLimits {

  private CreateLimits() {}

  static String cq(NdkAdapterInfo info, long cqDepth) {
    return info == null ? null : over("CqDepth", cqDepth, "MaxCqDepth", info.maxCqDepth());
  }

  static String srq(NdkAdapterInfo info, long srqDepth, long maxReceiveRequestSge) {
    if (info == null) {
      return null;
    }
    return first(
        over("SrqDepth", srqDepth, "MaxSrqDepth", info.maxSrqDepth()),
        over(
            "MaxReceiveRequestSge",
            maxReceiveRequestSge,
            "MaxReceiveRequestSge",
            info.maxReceiveRequestSge()));
  }

  static String qp(
      NdkAdapterInfo info,
      long receiveQueueDepth,
      long initiatorQueueDepth,
      long maxReceiveRequestSge,
      long maxInitiatorRequestSge,
      long inlineDataSize) {
    if (info == null) {
      return null;
    }
    return first(
        over(
            "ReceiveQueueDepth",
            receiveQueueDepth,
            "MaxReceiveQueueDepth",
            info.maxReceiveQueueDepth()),
        over(
            "MaxReceiveRequestSge",
            maxReceiveRequestSge,
            "MaxReceiveRequestSge",
            info.maxReceiveRequestSge()),
        qpWithSrq(info, initiatorQueueDepth, maxInitiatorRequestSge, inlineDataSize));
  }

  static String qpWithSrq(
      NdkAdapterInfo info,
      long initiatorQueueDepth,
      long maxInitiatorRequestSge,
      long inlineDataSize) {
    if (info == null) {
      return null;
    }
    return first(
        over(
            "InitiatorQueueDepth",
            initiatorQueueDepth,
            "MaxInitiatorQueueDepth",
            info.maxInitiatorQueueDepth()),
        over(
            "MaxInitiatorRequestSge",
            maxInitiatorRequestSge,
            "MaxInitiatorRequestSge",
            info.maxInitiatorRequestSge()),
        over("InlineDataSize", inlineDataSize, "MaxInlineDataSize", info.maxInlineDataSize()));
  }

  private static String over(String argument, long value, String field, long max) {
    return value > max ? argument + " " + value + " exceeds " + field + " " + max : null;
  }

  private static String first(String... problems) {
    for (String p : problems) {
      if (p != null) {
        return p;
      }
    }
    return null;
  }
}
