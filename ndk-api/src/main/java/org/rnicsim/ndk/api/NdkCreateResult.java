package org.rnicsim.ndk.api;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * What an NDK create returns: the NTSTATUS plus, standing in for the C {@code **ppObj}
 * out-parameter, the object when the create completed inline (ndkpi-spec 2).
 *
 * <ul>
 *   <li>SUCCESS: {@code object} is the new object; no callback follows (invariants 1, 2).
 *   <li>PENDING: {@code object} is null; the object arrives only through the create's {@link
 *       NdkFnCreateCompletion} (invariant 2: *ppObj is never written).
 *   <li>anything else: inline failure, {@code object} null, no callback, nothing to close
 *       (invariant 3).
 * </ul>
 *
 * The constructor refuses every other combination, so a provider cannot return one.
 *
 * @param status the create's return value
 * @param object the new object iff {@code status} is SUCCESS, else null
 * @param <T> the created object type
 */
public record NdkCreateResult<T extends NdkObject>(NtStatus status, T object) {

  /** Enforces "object present iff SUCCESS". */
  public NdkCreateResult {
    Objects.requireNonNull(status, "status");
    boolean success = status.equals(NtStatus.SUCCESS);
    if (success && object == null) {
      throw new IllegalArgumentException("a SUCCESS create must return its object (invariant 2)");
    }
    if (!success && object != null) {
      throw new IllegalArgumentException(
          "a create returning " + status + " must not return an object (invariants 2, 3)");
    }
  }

  /** An inline success delivering {@code object}. */
  public static <T extends NdkObject> NdkCreateResult<T> success(T object) {
    return new NdkCreateResult<>(NtStatus.SUCCESS, Objects.requireNonNull(object, "object"));
  }

  /** STATUS_PENDING: the create completion callback will deliver the outcome. */
  public static <T extends NdkObject> NdkCreateResult<T> pending() {
    return new NdkCreateResult<>(NtStatus.PENDING, null);
  }

  /**
   * An inline failure.
   *
   * @throws IllegalArgumentException if {@code status} is SUCCESS or PENDING
   */
  public static <T extends NdkObject> NdkCreateResult<T> failed(NtStatus status) {
    if (status.equals(NtStatus.PENDING)) {
      throw new IllegalArgumentException("PENDING is not a failure; use pending()");
    }
    return new NdkCreateResult<>(status, null);
  }

  /** True if the create completed inline with an object. */
  public boolean isSuccess() {
    return status.equals(NtStatus.SUCCESS);
  }

  /** True if the outcome will come through the create completion callback. */
  public boolean isPending() {
    return status.isPending();
  }
}
