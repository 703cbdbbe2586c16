/**
 * ndkpi.h in Java: the NDK object interfaces with their dispatch operations, the callbacks, and the
 * NDIS open/close of an adapter (ndkpi-spec: docs/ndk-lifetime-rules.md). Nothing here knows about
 * the hardware model; a provider implements these interfaces, a consumer calls them, and the
 * lifetime verifier can stand between the two by implementing them too.
 *
 * <p>How the C shapes map to Java:
 *
 * <ul>
 *   <li>Each NDK_XXX object with its NDK_XXX_DISPATCH is one interface ({@link NdkCq} ...) whose
 *       methods are the dispatch entries in Java case: NdkCreateCq / NDK_FN_CREATE_CQ is {@code
 *       createCq}. The object pointer argument becomes the receiver. A layer that replaces the
 *       Dispatch pointer in C (NDIS, the verifier) wraps the object here, which is why a provider
 *       must reach its own objects through private references, never through what it handed out
 *       (ndkpi-spec 1, invariant 4).
 *   <li>A create returns {@link NdkCreateResult}: status plus the object when it completed inline;
 *       a pending create delivers the object only through {@link NdkFnCreateCompletion} (ndkpi-spec
 *       2, invariants 1-3).
 *   <li>Every non-adapter object has {@code closeObject} (NDK_FN_CLOSE_OBJECT), returning only
 *       SUCCESS or PENDING (ndkpi-spec 3, invariant 5). The adapter is closed through {@link
 *       NdkProvider#closeAdapter}, which blocks.
 *   <li>A request that may pend returns {@link org.rnicsim.ndk.api.status.NtStatus} and takes an
 *       {@link NdkFnRequestCompletion} plus a context (invariant 12); a VOID entry returns void;
 *       other C out-parameters become small result records.
 *   <li>PVOID contexts are {@code Object}; C element counts (nSge, nResults) are the lengths of the
 *       Java lists and arrays; SOCKADDR plus length is {@link
 *       org.rnicsim.ndk.api.struct.NdkSockAddr}.
 *   <li>IRQL (invariant 33) has no Java counterpart: every call may be made from any simulated
 *       context except that QueryAdapterInfo, OpenAdapter and CloseAdapter are for passive,
 *       non-callback contexts, and every callback must tolerate running inline inside the call that
 *       triggered it (ndkpi-spec 4, Re-entry).
 * </ul>
 */
package org.rnicsim.ndk.api;
