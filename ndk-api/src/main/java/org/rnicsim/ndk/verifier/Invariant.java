package org.rnicsim.ndk.verifier;

/**
 * The 34 numbered invariants of ndkpi-spec section 7, each with the short wording a report quotes.
 * The constant's position is its number minus one: {@code Invariant.of(7)} is {@link #I07}.
 */
public enum Invariant {
  I01("Create callback runs exactly once iff the create returned PENDING."),
  I02(
      "SUCCESS create -> object in *ppObj. PENDING then success -> object only via pNdkObject;"
          + " *ppObj never written."),
  I03("A failed create (sync or async) yields no usable object and no close obligation."),
  I04(
      "Every delivered object has the right non-zero ObjectType, the negotiated Version and zero"
          + " NdkReserved; the provider never reads its Dispatch afterwards."),
  I05("Close returns only SUCCESS or PENDING; its callback runs exactly once iff PENDING."),
  I06(
      "No callback of any kind for an object starts after its close callback runs, or after its"
          + " close returned SUCCESS."),
  I07(
      "When the close callback runs, no callback on the object is running and every PENDING"
          + " request on it has completed (callback returned)."),
  I08(
      "A close stays pending while any async request or notification callback on the object is"
          + " outstanding."),
  I09(
      "Starting a close starts cancelling the object's pending async requests, so the close always"
          + " makes progress."),
  I10(
      "Closing an antecedent with an open successor returns PENDING; it completes only after the"
          + " last successor's close callback has returned."),
  I11(
      "Adapter close blocks; on return no callback for any descendant is running. It is never"
          + " called from inside a callback."),
  I12(
      "A request callback runs exactly once iff the call returned PENDING. Reject, Flush, ArmCq,"
          + " ControlConnectEvents and ControlCqInterruptModeration never pend."),
  I13(
      "After starting a completion from inside a call on object X, the provider does not touch X"
          + " until that callback returns."),
  I14(
      "CQ notification runs only while armed, at most once per arm; the arm clears when it"
          + " fires."),
  I15("CQ notifications on one CQ never overlap."),
  I16(
      "Re-arming before the arm fires gives max(old, new) in the order ERRORS < SOLICITED <"
          + " ANY."),
  I17(
      "ArmCq(ANY) while the CQ holds a completion that arrived since the last notification"
          + " notifies immediately."),
  I18(
      "After BUFFER_OVERFLOW or INTERNAL_ERROR the CQ produces no more completions and its QPs"
          + " are unusable."),
  I19(
      "A post that fails inline queues no CQ entry. A SUCCESS post queues exactly one entry,"
          + " except a SILENT_SUCCESS request that succeeds; failures always queue one."),
  I20(
      "After NdkFlush, every request pending before the flush on either queue reaches the CQ; any"
          + " not already done carries STATUS_CANCELLED."),
  I21(
      "If DEFER posts are followed by an inline failure, every earlier deferred request still"
          + " completes (none hang)."),
  I22("A chain ending in a non-DEFER post has all its requests submitted to hardware."),
  I23(
      "NDK_RESULT.QPContext = the QP's creation context; RequestContext = the posting"
          + " context."),
  I24(
      "The receiver of a SendAndInvalidate sees Type 0x8001 with the token in"
          + " TypeSpecificCompletionOutput, and the token is invalid even when drained via"
          + " GetCqResults; the sender sees Type=Send."),
  I25(
      "The disconnect event fires at most once per connection, not at all if the local side"
          + " called Disconnect first, and raising it does not flush the QP."),
  I26(
      "NdkDisconnect completes only after (peer disconnect, abort or timeout) AND all DMA on the"
          + " QP is done; a graceful disconnect leaves the QP flushed."),
  I27("Once a listener close is issued, no new ConnectEvent fires."),
  I28(
      "While paused (ControlConnectEvents TRUE), no ConnectEvent fires; incoming connects act as"
          + " if no listener."),
  I29(
      "An address:port stays busy (Listen/Connect/shared-endpoint create on it fail) until the"
          + " listener or shared endpoint and every connector using it are closed."),
  I30(
      "A create rejects any depth, SGE count or inline size above its ADAPTER_INFO maximum with"
          + " INVALID_PARAMETER (CQ, QP, SRQ)."),
  I31(
      "ControlCqInterruptModeration returns NOT_SUPPORTED iff the moderation flag is clear, and"
          + " never PENDING."),
  I32(
      "An SRQ notification fires at most once per arm; ModifySrq with a threshold above the"
          + " current queued count fires it at once."),
  I33(
      "Every call is legal at IRQL <= DISPATCH except QueryAdapterInfo (PASSIVE) and adapter"
          + " open/close (blocking); every callback must tolerate DISPATCH_LEVEL."),
  I34(
      "OpenAdapter reports the provider's highest minor if the requested minor is <= it;"
          + " otherwise, or if the major differs, BAD_VERSION.");

  private final String rule;

  Invariant(String rule) {
    this.rule = rule;
  }

  /** The invariant's number in ndkpi-spec section 7, 1 to 34. */
  public int number() {
    return ordinal() + 1;
  }

  /** The invariant's wording in ndkpi-spec section 7. */
  public String rule() {
    return rule;
  }

  /**
   * The invariant with that number.
   *
   * @throws IllegalArgumentException unless 1 &lt;= number &lt;= 34
   */
  public static Invariant of(int number) {
    Invariant[] all = values();
    if (number < 1 || number > all.length) {
      throw new IllegalArgumentException("ndkpi-spec 7 has invariants 1 to 34, not " + number);
    }
    return all[number - 1];
  }

  @Override
  public String toString() {
    return "invariant " + number();
  }
}
