package org.rnicsim.ndk.provider.lifetime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What keeps one object's close pending (ndkpi-spec 1, 3): requests that returned PENDING and whose
 * callback has not returned (invariants 7, 8), callbacks queued or running on a core (7, 8), and
 * open successors (10). The close may complete only when all three are empty. (A QP's flush at
 * close is waited for through its pending requests, not as a hold of its own.)
 *
 * <p>Successors are kept in insertion order so that messages and iteration are deterministic.
 */
public final class CloseGate {
  private final List<PendingRequest> requests = new ArrayList<>();
  private final Set<LifetimeObject> successors = new LinkedHashSet<>();
  private int callbacks;

  /**
   * True if nothing keeps the close pending; a deliberately broken provider may ignore running
   * callbacks or open successors.
   */
  boolean isClear(boolean ignoreCallbacks, boolean ignoreSuccessors) {
    return requests.isEmpty()
        && (ignoreSuccessors || successors.isEmpty())
        && (ignoreCallbacks || callbacks == 0);
  }

  /** Requests that returned PENDING and whose callback has not returned. */
  public List<PendingRequest> requests() {
    return List.copyOf(requests);
  }

  /** Open successors, oldest link first. */
  public List<LifetimeObject> successors() {
    return List.copyOf(successors);
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
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }
}
