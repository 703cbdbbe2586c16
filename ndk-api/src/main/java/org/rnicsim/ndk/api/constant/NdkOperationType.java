package org.rnicsim.ndk.api.constant;

/**
 * NDK_OPERATION_TYPE (ndkpi-spec 5, Results): the {@code Type} of an NDK_RESULT_EX. Java names drop
 * the {@code NdkOperationType} prefix of the header enumerators.
 */
public enum NdkOperationType {
  /** NdkOperationTypeReceive = 1. */
  RECEIVE(0x0001),
  /** NdkOperationTypeSend = 2; also what the sender of a SendAndInvalidate sees (invariant 24). */
  SEND(0x0002),
  /** NdkOperationTypeFastRegister = 4. */
  FAST_REGISTER(0x0004),
  /** NdkOperationTypeBind = 8. */
  BIND(0x0008),
  /** NdkOperationTypeInvalidate = 16. */
  INVALIDATE(0x0010),
  /** NdkOperationTypeRead = 32. */
  READ(0x0020),
  /** NdkOperationTypeWrite = 64. */
  WRITE(0x0040),
  /**
   * NdkOperationTypeReceiveAndInvalidate = 0x8001 (32769): a receive that consumed a
   * SendAndInvalidate; the invalidated token is in TypeSpecificCompletionOutput (invariant 24).
   */
  RECEIVE_AND_INVALIDATE(0x8001);

  private final int value;

  NdkOperationType(int value) {
    this.value = value;
  }

  /** The header value. */
  public int value() {
    return value;
  }

  /** True for the receive-queue types (Receive, ReceiveAndInvalidate). */
  public boolean isReceive() {
    return this == RECEIVE || this == RECEIVE_AND_INVALIDATE;
  }

  /**
   * The constant for a header value.
   *
   * @throws IllegalArgumentException if no enumerator has that value
   */
  public static NdkOperationType fromValue(int value) {
    for (NdkOperationType type : values()) {
      if (type.value == value) {
        return type;
      }
    }
    throw new IllegalArgumentException("no NDK_OPERATION_TYPE has value " + value);
  }
}
