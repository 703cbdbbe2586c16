package org.rnicsim.ndk.provider.queue;

/**
 * The sizes a QP was created with (ndkpi-spec 2): each at most its NDK_ADAPTER_INFO maximum.
 *
 * @param receiveQueueDepth receives the QP holds; 0 on an SRQ
 * @param initiatorQueueDepth initiator requests outstanding at once
 * @param maxReceiveRequestSge SGEs per receive; 0 on an SRQ
 * @param maxInitiatorRequestSge SGEs per initiator request (not counting INLINE posts)
 * @param inlineDataSize largest INLINE payload, bytes
 */
public record QpLimits(
    long receiveQueueDepth,
    long initiatorQueueDepth,
    long maxReceiveRequestSge,
    long maxInitiatorRequestSge,
    long inlineDataSize) {}
