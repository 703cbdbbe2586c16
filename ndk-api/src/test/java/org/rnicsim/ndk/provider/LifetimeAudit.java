package org.rnicsim.ndk.provider;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * A consumer-side record of what the provider did to each object, checking the lifetime rules as
 * callbacks arrive: 1 and 12 (one callback iff PENDING), 5 (close returns SUCCESS or PENDING, one
 * callback iff PENDING), 6 (nothing after the close), 7/8 (the close callback starts only after
 * every request callback and notification on the object has returned, in modelled time), 10 (an
 * antecedent's close callback starts only after every successor's close callback returned).
 * Violations are collected as text; a test asserts there are none.
 */
final class LifetimeAudit {
  private final LongSupplier clock;
  private final List<String> violations = new ArrayList<>();
  private final Map<Object, Track> tracks = new IdentityHashMap<>();

  /** What the audit knows of one object. */
  private static final class Track {
    final String name;
    final List<Object> antecedents = new ArrayList<>();
    long busyUntilPs = Long.MIN_VALUE;
    int pendingRequests;
    boolean closeIssued;
    long closedAtPs = -1;
    long closeReturnPs = -1;

    Track(String name) {
      this.name = name;
    }
  }

  LifetimeAudit(LongSupplier clock) {
    this.clock = clock;
  }

  List<String> violations() {
    return violations;
  }

  private void violate(int invariant, String what) {
    violations.add("invariant " + invariant + " at " + clock.getAsLong() + " ps: " + what);
  }

  private Track track(Object object) {
    return tracks.computeIfAbsent(object, o -> new Track(String.valueOf(o)));
  }

  /** A new object was delivered with these antecedents. */
  void delivered(NdkObject object, List<? extends Object> antecedents) {
    Track t = track(object);
    t.antecedents.addAll(antecedents);
  }

  /** A link formed after creation (MR -> MW by Bind, QP -> connector ...). */
  void linked(Object antecedent, Object successor) {
    track(successor).antecedents.add(antecedent);
  }

  /** Any callback about {@code object} starts now and returns at now + {@code costPs}. */
  void callbackStarts(Object object, String what, long costPs) {
    Track t = track(object);
    long now = clock.getAsLong();
    if (t.closedAtPs >= 0) {
      violate(6, what + " for " + t.name + " after its close completed at " + t.closedAtPs);
    }
    t.busyUntilPs = Math.max(t.busyUntilPs, now + costPs);
  }

  /** A request on {@code object} returned {@code status}. */
  void requestReturned(Object object, NtStatus status) {
    if (status.isPending()) {
      track(object).pendingRequests++;
    }
  }

  /** The completion of a request on {@code object} starts. */
  void requestCompletes(Object object, String what, long costPs, int callbacksSoFar) {
    if (callbacksSoFar > 1) {
      violate(12, what + " on " + track(object).name + " completed " + callbacksSoFar + " times");
    }
    track(object).pendingRequests--;
    callbackStarts(object, what, costPs);
  }

  /** The close of {@code object} returned {@code status}. */
  void closeReturned(Object object, NtStatus status) {
    Track t = track(object);
    if (t.closeIssued) {
      violate(5, "test bug: " + t.name + " closed twice");
    }
    t.closeIssued = true;
    if (NtStatus.SUCCESS.equals(status)) {
      checkQuiet(t, clock.getAsLong());
      closeDone(t, clock.getAsLong());
    } else if (!status.isPending()) {
      violate(5, "close of " + t.name + " returned " + status);
    }
  }

  /** The close callback of {@code object} starts; {@code costPs} is its modelled cost. */
  void closeCallback(Object object, long costPs, int callbacksSoFar) {
    Track t = track(object);
    long now = clock.getAsLong();
    if (callbacksSoFar > 1) {
      violate(5, "close of " + t.name + " completed " + callbacksSoFar + " times");
    }
    checkQuiet(t, now);
    closeDone(t, now);
    t.closeReturnPs = now + costPs;
  }

  /** Invariants 7, 8: nothing pending, nothing running on the object when its close completes. */
  private void checkQuiet(Track t, long now) {
    if (t.pendingRequests > 0) {
      violate(7, t.name + " closed with " + t.pendingRequests + " request(s) not completed");
    }
    if (t.busyUntilPs > now) {
      violate(8, t.name + " closed at " + now + " while a callback ran until " + t.busyUntilPs);
    }
  }

  private void closeDone(Track t, long now) {
    for (Map.Entry<Object, Track> e : tracks.entrySet()) {
      Track successor = e.getValue();
      if (successor.antecedents.contains(keyOf(t))) {
        if (successor.closedAtPs < 0) {
          violate(10, t.name + " closed while its successor " + successor.name + " is open");
        } else if (successor.closeReturnPs > now) {
          violate(10, t.name + " closed before " + successor.name + "'s close callback returned");
        }
      }
    }
    t.closedAtPs = now;
    if (t.closeReturnPs < 0) {
      t.closeReturnPs = now;
    }
  }

  private Object keyOf(Track t) {
    for (Map.Entry<Object, Track> e : tracks.entrySet()) {
      if (e.getValue() == t) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Objects whose close was issued and has not completed. */
  List<String> hungCloses() {
    List<String> hung = new ArrayList<>();
    for (Track t : tracks.values()) {
      if (t.closeIssued && t.closedAtPs < 0) {
        hung.add(t.name);
      }
    }
    return hung;
  }
}
