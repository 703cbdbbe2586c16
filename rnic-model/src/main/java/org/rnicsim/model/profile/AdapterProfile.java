package org.rnicsim.model.profile;

/**
 * The adapter between the PCIe link and the port: its pipeline latencies and rates, caches, DMA
 * engines, queue formats and RC transport timers.
 *
 * @param dma the DMA engines (P5)
 * @param qpContextCache QP contexts (Q1)
 * @param translationCache memory translations (MTT), one entry per page
 * @param mptCache memory protection entries (MPT), one per memory key: bounds and rights of a
 *     region, looked up with each translation
 * @param sendQueueCache send-queue state (producer and consumer indices, ring address), one entry
 *     per send queue, looked up on each send doorbell before the WQE fetch
 * @param readResponderCache READ responder state (the outstanding READs a QP serves), one entry per
 *     QP, looked up for each incoming READ; unused while {@code readResponderStateInQpContextCache}
 * @param readResponderStateInQpContextCache READ responder state takes a second entry per QP in the
 *     QP context cache (sharing its entries, ways, replacement and fetch slots) instead of {@code
 *     readResponderCache}
 * @param translationPageBytes the page size a translation entry covers
 * @param doorbellProcessingPs doorbell write landed to the QP handed to the context lookup
 * @param txWqeProcessingPs WQE and payload in hand to the packet built and handed to the scheduler
 * @param txPacketIssueGapPs the send pipeline builds at most one packet per gap (message-rate
 *     ceiling, R2)
 * @param rxPacketProcessingPs packet out of the PHY to the responder or requester acting on it
 * @param rxPacketIssueGapPs the receive pipeline accepts at most one packet per gap
 * @param cqeProcessingPs completion decided to CQE write handed to the DMA engine
 * @param wqeBytes size of one WQE in the SQ and RQ rings
 * @param cqeBytes size of one CQE
 * @param maxInlineBytes largest payload a WQE can carry inline
 * @param wqeFetchBatch most WQEs fetched by one DMA read
 * @param maxReadsInFlightPerQp RDMA READs a requester QP keeps outstanding (initiator depth)
 * @param txBufferBytes adapter memory for payload fetched from the host and not yet acknowledged:
 *     payload reads wait when it is full, so under load the adapter fetches no further ahead of the
 *     wire than this
 * @param retransmitTimeoutPs RC local ACK timeout
 * @param retryCount RC transport retries before the QP goes to ERROR
 * @param rnrRetryDelayPs wait after a receiver-not-ready NAK
 * @param rnrRetryCount RNR retries before the QP goes to ERROR; 7 means forever (IB spec)
 */
public record AdapterProfile(
    DmaProfile dma,
    CacheProfile qpContextCache,
    CacheProfile translationCache,
    CacheProfile mptCache,
    CacheProfile sendQueueCache,
    CacheProfile readResponderCache,
    boolean readResponderStateInQpContextCache,
    long translationPageBytes,
    long doorbellProcessingPs,
    long txWqeProcessingPs,
    long txPacketIssueGapPs,
    long rxPacketProcessingPs,
    long rxPacketIssueGapPs,
    long cqeProcessingPs,
    long wqeBytes,
    long cqeBytes,
    long maxInlineBytes,
    int wqeFetchBatch,
    int maxReadsInFlightPerQp,
    long txBufferBytes,
    long retransmitTimeoutPs,
    int retryCount,
    long rnrRetryDelayPs,
    int rnrRetryCount) {

  /** IB spec: an RNR retry count of 7 retries without limit. */
  public static final int RNR_RETRY_FOREVER = 7;

  public AdapterProfile {
    ProfileChecks.present("adapter.dma", dma);
    ProfileChecks.present("adapter.qpContextCache", qpContextCache);
    ProfileChecks.present("adapter.translationCache", translationCache);
    ProfileChecks.present("adapter.mptCache", mptCache);
    ProfileChecks.present("adapter.sendQueueCache", sendQueueCache);
    ProfileChecks.present("adapter.readResponderCache", readResponderCache);
    ProfileChecks.powerOfTwo("adapter.translationPageBytes", translationPageBytes);
    ProfileChecks.nonNegative("adapter.doorbellProcessingPs", doorbellProcessingPs);
    ProfileChecks.nonNegative("adapter.txWqeProcessingPs", txWqeProcessingPs);
    ProfileChecks.nonNegative("adapter.txPacketIssueGapPs", txPacketIssueGapPs);
    ProfileChecks.nonNegative("adapter.rxPacketProcessingPs", rxPacketProcessingPs);
    ProfileChecks.nonNegative("adapter.rxPacketIssueGapPs", rxPacketIssueGapPs);
    ProfileChecks.nonNegative("adapter.cqeProcessingPs", cqeProcessingPs);
    ProfileChecks.positive("adapter.wqeBytes", wqeBytes);
    ProfileChecks.positive("adapter.cqeBytes", cqeBytes);
    ProfileChecks.nonNegative("adapter.maxInlineBytes", maxInlineBytes);
    ProfileChecks.positive("adapter.wqeFetchBatch", wqeFetchBatch);
    ProfileChecks.positive("adapter.maxReadsInFlightPerQp", maxReadsInFlightPerQp);
    ProfileChecks.positive("adapter.txBufferBytes", txBufferBytes);
    ProfileChecks.positive("adapter.retransmitTimeoutPs", retransmitTimeoutPs);
    ProfileChecks.nonNegative("adapter.retryCount", retryCount);
    ProfileChecks.nonNegative("adapter.rnrRetryDelayPs", rnrRetryDelayPs);
    if (rnrRetryCount < 0 || rnrRetryCount > RNR_RETRY_FOREVER) {
      throw new IllegalArgumentException("adapter.rnrRetryCount must be 0..7: " + rnrRetryCount);
    }
  }

  public AdapterProfile withQpContextCache(CacheProfile cache) {
    return withCaches(
        cache,
        translationCache,
        mptCache,
        sendQueueCache,
        readResponderCache,
        readResponderStateInQpContextCache);
  }

  /**
   * The same with other caches; {@code readResponderShared}: READ state in the QP context cache.
   */
  public AdapterProfile withCaches(
      CacheProfile qpContexts,
      CacheProfile translations,
      CacheProfile mpts,
      CacheProfile sendQueues,
      CacheProfile readResponders,
      boolean readResponderShared) {
    return new AdapterProfile(
        dma,
        qpContexts,
        translations,
        mpts,
        sendQueues,
        readResponders,
        readResponderShared,
        translationPageBytes,
        doorbellProcessingPs,
        txWqeProcessingPs,
        txPacketIssueGapPs,
        rxPacketProcessingPs,
        rxPacketIssueGapPs,
        cqeProcessingPs,
        wqeBytes,
        cqeBytes,
        maxInlineBytes,
        wqeFetchBatch,
        maxReadsInFlightPerQp,
        txBufferBytes,
        retransmitTimeoutPs,
        retryCount,
        rnrRetryDelayPs,
        rnrRetryCount);
  }

  /** The same with another receiver-not-ready delay and retry count (7: forever). */
  public AdapterProfile withRnrRetry(long delayPs, int retries) {
    return new AdapterProfile(
        dma,
        qpContextCache,
        translationCache,
        mptCache,
        sendQueueCache,
        readResponderCache,
        readResponderStateInQpContextCache,
        translationPageBytes,
        doorbellProcessingPs,
        txWqeProcessingPs,
        txPacketIssueGapPs,
        rxPacketProcessingPs,
        rxPacketIssueGapPs,
        cqeProcessingPs,
        wqeBytes,
        cqeBytes,
        maxInlineBytes,
        wqeFetchBatch,
        maxReadsInFlightPerQp,
        txBufferBytes,
        retransmitTimeoutPs,
        retryCount,
        delayPs,
        retries);
  }

  public AdapterProfile withRetransmission(long timeoutPs, int retries) {
    return new AdapterProfile(
        dma,
        qpContextCache,
        translationCache,
        mptCache,
        sendQueueCache,
        readResponderCache,
        readResponderStateInQpContextCache,
        translationPageBytes,
        doorbellProcessingPs,
        txWqeProcessingPs,
        txPacketIssueGapPs,
        rxPacketProcessingPs,
        rxPacketIssueGapPs,
        cqeProcessingPs,
        wqeBytes,
        cqeBytes,
        maxInlineBytes,
        wqeFetchBatch,
        maxReadsInFlightPerQp,
        txBufferBytes,
        timeoutPs,
        retries,
        rnrRetryDelayPs,
        rnrRetryCount);
  }
}
