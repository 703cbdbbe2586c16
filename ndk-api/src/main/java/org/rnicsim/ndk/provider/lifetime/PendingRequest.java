package org.rnicsim.ndk.provider.lifetime;

import org.rnicsim.ndk.api.NdkFnRequestCompletion;

/**
 * One request that returned PENDING: its completion callback runs exactly once, and until it has
 * returned the object's close stays pending (invariants 7, 8, 12).
 */
public final class PendingRequest {
  /** The NDK operation, for messages ("RegisterMr"). */
  private final String operation;

  private final NdkFnRequestCompletion completion;
  private final Object context;
  private boolean cancelRequested;
  private boolean completing;

  PendingRequest(String operation, NdkFnRequestCompletion completion, Object context) {
    this.operation = operation;
    this.completion = completion;
    this.context = context;
  }

  NdkFnRequestCompletion completion() {
    return completion;
  }

  Object context() {
    return context;
  }

  /** The object's close was issued: complete with STATUS_CANCELLED if it cannot finish now. */
  public boolean isCancelRequested() {
    return cancelRequested;
  }

  void requestCancel() {
    cancelRequested = true;
  }

  /** True once its completion has been queued. */
  public boolean isCompleting() {
    return completing;
  }

  void markCompleting() {
    completing = true;
  }

  @Override
  public String toString() {
    return operation + (cancelRequested ? " (cancel requested)" : "");
  }
}
