package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.SimTime;

/**
 * Consumer rule C4 in simulated time. A callback's Java code runs at one instant, but in the model
 * it occupies its core from its start to its modelled return ({@link
 * ProviderProbe#nextCallbackReturnsAt}); two callbacks on two cores whose spans overlap run at the
 * same time, so their GetCqResults and ArmCq calls on one CQ are concurrent even though the Java
 * stack never nests them. Each CQ keeps the spans of the callbacks that called it; a call from
 * another callback whose span overlaps one of them is reported.
 */
final class ModelledCalls {

  /** One poll or arm on a CQ from inside a callback with a modelled span. */
  private record TimedCall(Frame.Callback callback, String op, long startPs, long returnPs) {}

  private final List<TimedCall> calls = new ArrayList<>(2);

  /**
   * Records {@code op} made from {@code callback}; if an earlier call from another callback running
   * at the same simulated time overlaps it, returns the end of a report sentence saying so, else
   * null.
   *
   * @param ownNotification true when {@code callback} is a notification of this very CQ
   */
  String overlap(Frame.Callback callback, String op, long nowPs, boolean ownNotification) {
    if (callback == null || callback.modelledReturnPs <= callback.startPs) {
      return null;
    }
    calls.removeIf(c -> c.returnPs() <= nowPs && c.callback() != callback);
    String found = null;
    for (TimedCall c : calls) {
      boolean bothOwnNotifications =
          ownNotification
              && c.callback().kind == callback.kind
              && c.callback().target == callback.target;
      if (c.callback() != callback
          && !bothOwnNotifications // the provider's invariant 15, not the consumer's doing
          && c.startPs() < callback.modelledReturnPs
          && callback.startPs < c.returnPs()) {
        found =
            " from "
                + span(
                    callback.kind.ndkName(),
                    callback.target,
                    callback.startPs,
                    callback.modelledReturnPs)
                + " while "
                + c.op()
                + " from "
                + span(c.callback().kind.ndkName(), c.callback().target, c.startPs(), c.returnPs())
                + " ran on another core";
        break;
      }
    }
    calls.add(new TimedCall(callback, op, callback.startPs, callback.modelledReturnPs));
    return found;
  }

  private static String span(String kind, Shadow target, long startPs, long returnPs) {
    return "the "
        + kind
        + " of "
        + target
        + " (running "
        + SimTime.format(startPs)
        + " to "
        + SimTime.format(returnPs)
        + ")";
  }
}
