/**
 * The enumerations and flag sets of ndkpi.h and ndkinfo.h, each constant carrying its header value.
 *
 * <p>Flag parameters stay raw {@code int} bit masks in the API (a ULONG {@code Flags} argument in
 * C), because some header values overlap on purpose ({@code NDK_OP_FLAG_ALLOW_REMOTE_WRITE} 0x30
 * contains {@code ALLOW_LOCAL_WRITE} 0x10; {@code NDK_MR_FLAG_ALLOW_REMOTE_WRITE} 5 contains {@code
 * ALLOW_LOCAL_WRITE} 1) and a verifier must be able to see undefined bits a consumer set. The enums
 * here build and test those masks.
 */
package org.rnicsim.ndk.api.constant;
