package org.rnicsim.ndk.provider.queue;

import static org.rnicsim.ndk.api.constant.NdkOpFlag.ALLOW_LOCAL_WRITE;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.ALLOW_REMOTE_READ;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.ALLOW_REMOTE_WRITE;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.DEFER;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.INLINE;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.RDMA_READ_LOCAL_INVALIDATE;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.RDMA_READ_SINK;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.READ_FENCE;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.SEND_AND_SOLICIT_EVENT;
import static org.rnicsim.ndk.api.constant.NdkOpFlag.SILENT_SUCCESS;

import org.rnicsim.ndk.api.constant.NdkOpFlag;

/**
 * The NDK_OP_FLAG bits each post accepts (the ndkpi-spec 5 table). A post with any other bit fails
 * inline with INVALID_PARAMETER (Interp: ndkpi does not say what a stray flag does). Interp: Write
 * also accepts INLINE, which it implies by size anyway.
 */
final class PostFlags {
  static final int SEND =
      NdkOpFlag.mask(SILENT_SUCCESS, READ_FENCE, SEND_AND_SOLICIT_EVENT, INLINE, DEFER);
  static final int READ =
      NdkOpFlag.mask(SILENT_SUCCESS, READ_FENCE, RDMA_READ_LOCAL_INVALIDATE, DEFER);
  static final int WRITE = NdkOpFlag.mask(SILENT_SUCCESS, READ_FENCE, INLINE, DEFER);
  static final int BIND =
      NdkOpFlag.mask(SILENT_SUCCESS, READ_FENCE, ALLOW_REMOTE_READ, ALLOW_REMOTE_WRITE, DEFER);
  static final int FAST_REGISTER =
      NdkOpFlag.mask(
          SILENT_SUCCESS,
          READ_FENCE,
          ALLOW_REMOTE_READ,
          ALLOW_LOCAL_WRITE,
          ALLOW_REMOTE_WRITE,
          RDMA_READ_SINK,
          DEFER);
  static final int INVALIDATE = NdkOpFlag.mask(SILENT_SUCCESS, READ_FENCE, DEFER);

  private PostFlags() {}

  /** True if {@code flags} has only bits from {@code allowed}. */
  static boolean allowed(int flags, int allowed) {
    return (flags & ~allowed) == 0;
  }
}
