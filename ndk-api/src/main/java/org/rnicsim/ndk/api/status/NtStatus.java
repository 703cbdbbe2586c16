package org.rnicsim.ndk.api.status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An NTSTATUS value: the 32-bit result of every NDKPI call, carried by every completion and by
 * every {@code NDK_RESULT}.
 *
 * <p>A value class rather than an enum because the set is open: ndkpi-spec 5 says per-request CQ
 * error codes other than {@link #CANCELLED} are provider-defined, and consumers must cope with
 * "other" codes on every call. The named constants are the codes ndkpi-spec sections 2-5 mention,
 * with the numeric values of ntstatus.h. {@link #of(int)} returns the named constant for a known
 * code, so {@code ==} and {@link #equals} agree for them.
 *
 * <p>Classification follows the NTSTATUS severity bits (31-30): success 00, informational 01,
 * warning 10, error 11. {@link #isSuccess()} is {@code NT_SUCCESS} (success or informational), so
 * it is true for {@link #PENDING}: code that asks "did this complete inline?" must compare with
 * {@link #SUCCESS}, never use {@code isSuccess()}.
 *
 * @param code the NTSTATUS bit pattern, as a signed 32-bit int (so errors are negative)
 */
public record NtStatus(int code) {

  // Declared before the constants: their construction registers names here.
  private static final Map<Integer, NtStatus> KNOWN = new LinkedHashMap<>();
  private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

  /** STATUS_SUCCESS: completed inline (a create delivered its object, a close finished). */
  public static final NtStatus SUCCESS = define(0x0000_0000, "STATUS_SUCCESS");

  /** STATUS_PENDING: exactly one completion callback follows (invariants 1, 5, 12). */
  public static final NtStatus PENDING = define(0x0000_0103, "STATUS_PENDING");

  /** STATUS_BUFFER_OVERFLOW, a warning: CQ overrun in a CQ notification (ndkpi-spec 4). */
  public static final NtStatus BUFFER_OVERFLOW = define(0x8000_0005, "STATUS_BUFFER_OVERFLOW");

  /**
   * STATUS_ACCESS_VIOLATION: Bind/FastRegister on an MR lacking the needed access; in a CQ entry, a
   * request whose memory token the adapter refused (a remote or local access error).
   */
  public static final NtStatus ACCESS_VIOLATION = define(0xC000_0005, "STATUS_ACCESS_VIOLATION");

  /** STATUS_INVALID_PARAMETER: e.g. a depth above its ADAPTER_INFO maximum (invariant 30). */
  public static final NtStatus INVALID_PARAMETER = define(0xC000_000D, "STATUS_INVALID_PARAMETER");

  /** STATUS_BUFFER_TOO_SMALL: QueryAdapterInfo, BuildLAM, GetConnectionData. */
  public static final NtStatus BUFFER_TOO_SMALL = define(0xC000_0023, "STATUS_BUFFER_TOO_SMALL");

  /** STATUS_INVALID_PARAMETER_MIX: ControlCqInterruptModeration. */
  public static final NtStatus INVALID_PARAMETER_MIX =
      define(0xC000_0030, "STATUS_INVALID_PARAMETER_MIX");

  /** STATUS_SHARING_VIOLATION: address:port busy (invariant 29). */
  public static final NtStatus SHARING_VIOLATION = define(0xC000_0043, "STATUS_SHARING_VIOLATION");

  /** STATUS_INSUFFICIENT_RESOURCES: may come inline or async on every create (ndkpi-spec 2). */
  public static final NtStatus INSUFFICIENT_RESOURCES =
      define(0xC000_009A, "STATUS_INSUFFICIENT_RESOURCES");

  /** STATUS_IO_TIMEOUT: Connect, CompleteConnect, Accept, Disconnect. */
  public static final NtStatus IO_TIMEOUT = define(0xC000_00B5, "STATUS_IO_TIMEOUT");

  /** STATUS_NOT_SUPPORTED: interrupt moderation without the adapter flag (invariant 31). */
  public static final NtStatus NOT_SUPPORTED = define(0xC000_00BB, "STATUS_NOT_SUPPORTED");

  /** STATUS_INTERNAL_ERROR: fatal CQ/SRQ error in a notification (invariant 18). */
  public static final NtStatus INTERNAL_ERROR = define(0xC000_00E5, "STATUS_INTERNAL_ERROR");

  /** STATUS_CANCELLED: the CQ status of every request flushed by NdkFlush (invariant 20). */
  public static final NtStatus CANCELLED = define(0xC000_0120, "STATUS_CANCELLED");

  /** STATUS_REMOTE_RESOURCES: an RDMA read past the end of remote memory. */
  public static final NtStatus REMOTE_RESOURCES = define(0xC000_013D, "STATUS_REMOTE_RESOURCES");

  /** STATUS_INVALID_ADDRESS: shared endpoint create, Listen, Connect. */
  public static final NtStatus INVALID_ADDRESS = define(0xC000_0141, "STATUS_INVALID_ADDRESS");

  /** STATUS_TOO_MANY_ADDRESSES: port 0 and the ephemeral ND ports 49152-65535 are exhausted. */
  public static final NtStatus TOO_MANY_ADDRESSES =
      define(0xC000_0209, "STATUS_TOO_MANY_ADDRESSES");

  /** STATUS_ADDRESS_ALREADY_EXISTS: Connect on a 4-tuple already in use. */
  public static final NtStatus ADDRESS_ALREADY_EXISTS =
      define(0xC000_020A, "STATUS_ADDRESS_ALREADY_EXISTS");

  /** STATUS_CONNECTION_REFUSED: no listener, backlog full, rejected or paused (invariant 28). */
  public static final NtStatus CONNECTION_REFUSED =
      define(0xC000_0236, "STATUS_CONNECTION_REFUSED");

  /**
   * STATUS_CONNECTION_INVALID: a post on an unconnected QP; CompleteConnect when not connecting.
   */
  public static final NtStatus CONNECTION_INVALID =
      define(0xC000_023A, "STATUS_CONNECTION_INVALID");

  /** STATUS_NETWORK_UNREACHABLE: Connect. */
  public static final NtStatus NETWORK_UNREACHABLE =
      define(0xC000_023C, "STATUS_NETWORK_UNREACHABLE");

  /** STATUS_HOST_UNREACHABLE: Connect. */
  public static final NtStatus HOST_UNREACHABLE = define(0xC000_023D, "STATUS_HOST_UNREACHABLE");

  /** STATUS_CONNECTION_ABORTED: the peer gave up (CompleteConnect, Accept, Reject). */
  public static final NtStatus CONNECTION_ABORTED =
      define(0xC000_0241, "STATUS_CONNECTION_ABORTED");

  /** STATUS_IMPLEMENTATION_LIMIT: InitializeFastRegisterMr with too many pages. */
  public static final NtStatus IMPLEMENTATION_LIMIT =
      define(0xC000_042B, "STATUS_IMPLEMENTATION_LIMIT");

  private static NtStatus define(int code, String name) {
    NtStatus status = new NtStatus(code);
    KNOWN.put(code, status);
    NAMES.put(code, name);
    return status;
  }

  /**
   * The status for a code: the named constant when the code is one this project knows, otherwise a
   * new value (a provider-defined code, ndkpi-spec 5).
   */
  public static NtStatus of(int code) {
    NtStatus known = KNOWN.get(code);
    return known != null ? known : new NtStatus(code);
  }

  /** Every named constant, in ascending order of unsigned code. */
  public static Map<String, NtStatus> knownStatuses() {
    Map<String, NtStatus> byName = new LinkedHashMap<>();
    KNOWN.values().stream()
        .sorted((a, b) -> Integer.compareUnsigned(a.code, b.code))
        .forEach(s -> byName.put(NAMES.get(s.code), s));
    return byName;
  }

  /** The ntstatus.h name (e.g. {@code STATUS_CANCELLED}), or the hex code if unnamed. */
  public String name() {
    String name = NAMES.get(code);
    return name != null ? name : hex();
  }

  /** The code as ntstatus.h prints it, e.g. {@code 0xC0000120}. */
  public String hex() {
    return String.format("0x%08X", code);
  }

  /** {@code NT_SUCCESS}: severity success or informational. True for {@link #PENDING}. */
  public boolean isSuccess() {
    return code >= 0;
  }

  /** {@code NT_INFORMATION}: severity 01. */
  public boolean isInformational() {
    return (code >>> 30) == 1;
  }

  /** {@code NT_WARNING}: severity 10, e.g. {@link #BUFFER_OVERFLOW}; neither success nor error. */
  public boolean isWarning() {
    return (code >>> 30) == 2;
  }

  /** {@code NT_ERROR}: severity 11. */
  public boolean isError() {
    return (code >>> 30) == 3;
  }

  /** True only for {@link #PENDING}: the one status that promises a later callback. */
  public boolean isPending() {
    return code == PENDING.code;
  }

  /**
   * The generated record equality, written out: every completion compares its status with {@link
   * #SUCCESS}, and the generated method's indirect dispatch showed in bench model's profile.
   */
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof NtStatus status && status.code == code);
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(code);
  }

  @Override
  public String toString() {
    String name = NAMES.get(code);
    return name != null ? name + " (" + hex() + ")" : hex();
  }
}
