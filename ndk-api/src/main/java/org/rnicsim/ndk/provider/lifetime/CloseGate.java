package org.rnicsim.ndk.provider.lifetime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What keeps one object's close pending (ndkpi-spec 1, 3): requests that returned PENDING and whose
 * callback has not returned (invariants 7, 8), callbacks queued or running on a core (7, 8), open
 * successors (10), and hardware work the provider must see finish first (a flush in flight). The
 * close may complete only when all four are empty.
 *
 * <p>Successors are kept in insertion order so that messages and iteration are deterministic.
 */
public final class CloseGate {
  private final List<PendingRequest> requests = new ArrayList<>();
  private final Set<LifetimeObject> successors = new LinkedHashSet<>();
  private int callbacks;
  private int hardwareHolds;

  /** True if nothing keeps the close pending. */
  public boolean isClear() {
    return requests.isEmpty() && successors.isEmpty() && callbacks == 0 && hardwareHolds == 0;
  }

  /** {@link #isClear()} as a deliberately broken provider sees it. */
  boolean isClear(boolean ignoreCallbacks, boolean ignoreSuccessors) {
    return requests.isEmpty()
        && (ignoreSuccessors || successors.isEmpty())
        && (ignoreCallbacks || callbacks == 0)
        && hardwareHolds == 0;
  }

  /** Requests that returned PENDING and whose callback has not returned. */
  public List<PendingRequest> requests() {
    return List.copyOf(requests);
  }

  /** Open successors, oldest link first. */
  public List<LifetimeObject> successors() {
    return List.copyOf(successors);
  }

  /** Callbacks queued or running. */
  public int callbacks() {
    return callbacks;
  }

  /** Hardware work in flight that the close waits for. */
  public int hardwareHolds() {
    return hardwareHolds;
  }

  void addRequest(PendingRequest request) {
    requests.add(request);
  }

  void removeRequest(PendingRequest request) {
    if (!requests.remove(request)) {
      throw new IllegalStateException(request + " completed twice");
    }
  }

  void addSuccessor(LifetimeObject successor) {
    successors.add(successor);
  }

  void removeSuccessor(LifetimeObject successor) {
    successors.remove(successor);
  }

  void callbackQueued() {
    callbacks++;
  }

  void callbackReturned() {
    if (callbacks <= 0) {
      throw new IllegalStateException("more callbacks returned than were queued");
    }
    callbacks--;
  }

  void hold() {
    hardwareHolds++;
  }

  void release() {
    if (hardwareHolds <= 0) {
      throw new IllegalStateException("hardware hold released twice");
    }
    hardwareHolds--;
  }

  /** For messages: what is still outstanding. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!requests.isEmpty()) {
      parts.add("requests " + requests);
    }
    if (callbacks > 0) {
      parts.add(callbacks + " callback(s) queued or running");
    }
    if (!successors.isEmpty()) {
      parts.add("open successors " + successors);
    }
    if (hardwareHolds > 0) {
      parts.add(hardwareHolds + " hardware operation(s) in flight");
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }
}
