package org.rnicsim.ndk.provider.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory tokens one provider has handed out (ndkpi-spec 5): which MR or MW a remote token
 * names, so that a SendAndInvalidate arriving at this adapter, or an Invalidate, can find it. A
 * token leaves the table when it is invalidated or its object is gone.
 */
public final class TokenTable {

  /** Something a remote token can name. */
  public interface Target {
    /** A SendAndInvalidate from the peer named {@code token}: it is no longer valid. */
    void invalidateRemote(int token);
  }

  private final Map<Integer, Target> targets = new HashMap<>();

  public void register(int token, Target target) {
    targets.put(token, target);
  }

  public void remove(int token) {
    targets.remove(token);
  }

  /** The MR or MW that {@code token} names now, or null. */
  public Target lookup(int token) {
    return targets.get(token);
  }
}
