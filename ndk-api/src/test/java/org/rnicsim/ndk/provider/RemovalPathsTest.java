package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * A surprise removal reaches the provider from its adapter node, as PnP tells a Windows driver, so
 * removing the hardware alone ({@code AdapterNode.surpriseRemove}) and asking the provider to
 * remove it ({@code SimNdkProvider.surpriseRemoval}) must look the same to both hosts' consumers:
 * every callback with the same status at the same simulated time. Each stage of the handshake
 * removes host B's adapter at a different moment; B also holds an armed CQ, an SRQ with a
 * notification callback and a pending create. The lifetime verifier watches both runs (invariant
 * 12: one callback per request; 5-10: closes still complete; 26: disconnect).
 */
class RemovalPathsTest {
  /** Short retries so the host that hears nothing more gives up within a millisecond. */
  private static final CmRetries QUICK = new CmRetries(100 * SimTime.PS_PER_US, 2);

  private static final String DEVICE_REMOVED = String.valueOf(FirmwareGateway.DEVICE_REMOVED);
  private static final String INTERNAL_ERROR = String.valueOf(NtStatus.INTERNAL_ERROR);

  /** Where the handshake is when host B's adapter is removed. */
  enum Stage {
    BEFORE_ACCEPT,
    ACCEPT_MOVING_TO_RTR,
    AWAITING_READY_TO_USE,
    READY_TO_USE_IN_FLIGHT,
    DISCONNECT_PENDING
  }

  /** How the removal is made. */
  enum Path {
    PROVIDER,
    HARDWARE_ONLY
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void whenTheAdapterIsRemovedOnTheHardware_thenBothConsumersSeeWhatTheProviderCallGives(
      Stage stage) {
    List<String> viaProvider = run(stage, Path.PROVIDER);
    List<String> viaHardware = run(stage, Path.HARDWARE_ONLY);
    assertEquals(viaProvider, viaHardware);
    assertTrue(
        viaHardware.stream().anyMatch(e -> e.contains("B cq notification " + INTERNAL_ERROR)),
        "the removed host's armed CQ reports the fatal error: " + viaHardware);
    assertTrue(
        viaHardware.stream().anyMatch(e -> e.contains("B srq notification " + INTERNAL_ERROR)),
        "its SRQ too: " + viaHardware);
    assertTrue(
        viaHardware.stream().anyMatch(e -> e.contains("B create cq " + DEVICE_REMOVED)),
        "its pending create fails: " + viaHardware);
  }

  /**
   * Runs {@code stage}'s scenario with B's adapter removed along {@code path}; the consumer log.
   */
  private static List<String> run(Stage stage, Path path) {
    TwoHosts h = new TwoHosts(QUICK, List.of("nicA", "nicB"), true);
    List<String> log = new ArrayList<>();
    NdkCq cq = h.b.cq(16, (ctx, s) -> log.add(at(h, "B cq notification " + s)), null);
    NdkSrq srq =
        h.b.create(
            cb ->
                h.passive.pd.createSrq(
                    16,
                    1,
                    0,
                    (c, s) -> log.add(at(h, "B srq notification " + s)),
                    null,
                    null,
                    cb,
                    null));
    cq.armCq(NdkCqNotificationType.ANY);
    Runnable remove =
        () -> {
          h.b.startCreate(
              cb ->
                  h.b.adapter.createCq(
                      8, null, null, null, (c, s, o) -> log.add(at(h, "B create cq " + s)), null));
          log.add(at(h, "removal"));
          if (path == Path.PROVIDER) {
            h.b.provider.surpriseRemoval();
          } else {
            h.hosts.node(1).surpriseRemove();
          }
        };
    inline(log, h, "A connect", connect(h, log));
    h.awaitConnectEvent();
    // Each step of the handshake is taken whether or not the removal came before it.
    removeAt(stage, Stage.BEFORE_ACCEPT, remove);
    inline(log, h, "B accept", accept(h, log));
    removeAt(stage, Stage.ACCEPT_MOVING_TO_RTR, remove);
    h.sim.runUntil(() -> log.stream().anyMatch(e -> e.contains("A connect done")));
    removeAt(stage, Stage.AWAITING_READY_TO_USE, remove);
    inline(log, h, "A completeConnect", completeConnect(h, log));
    removeAt(stage, Stage.READY_TO_USE_IN_FLIGHT, remove);
    if (stage == Stage.DISCONNECT_PENDING) {
      h.sim.runUntil(() -> log.stream().anyMatch(e -> e.contains("B accept done")));
      NtStatus disconnect = h.passive.connector.disconnect(done(h, log, "B disconnect"), null);
      inline(log, h, "B disconnect", disconnect);
      remove.run();
    }
    h.run();
    // Everything still closes on both hosts (invariants 5-10).
    closeAll(h, log, "B", h.b, List.of(h.passive.connector, h.passive.qp, srq, cq));
    closeAll(h, log, "A", h.a, List.of(h.active.connector, h.active.qp));
    h.run();
    assertEquals(List.of(), h.verifier.audit(), path + " " + stage + ": " + h.verifier.report());
    return log;
  }

  private static void removeAt(Stage stage, Stage now, Runnable remove) {
    if (stage == now) {
      remove.run();
    }
  }

  private static NtStatus connect(TwoHosts h, List<String> log) {
    return h.active.connector.connect(
        h.active.qp, TwoHosts.A, TwoHosts.B, 8, 8, null, done(h, log, "A connect"), null);
  }

  private static NtStatus accept(TwoHosts h, List<String> log) {
    return h.passive.connector.accept(
        h.passive.qp,
        8,
        8,
        null,
        ctx -> log.add(at(h, "B disconnect event")),
        null,
        done(h, log, "B accept"),
        null);
  }

  private static NtStatus completeConnect(TwoHosts h, List<String> log) {
    return h.active.connector.completeConnect(
        ctx -> log.add(at(h, "A disconnect event")), null, done(h, log, "A completeConnect"), null);
  }

  private static void closeAll(
      TwoHosts h,
      List<String> log,
      String host,
      ProviderRig rig,
      List<NdkCloseableObject> objects) {
    for (NdkCloseableObject object : objects) {
      ProviderRig.Closed closed = rig.close(object);
      h.sim.runUntil(closed::done);
      log.add(
          host
              + " close "
              + object.getClass().getSimpleName()
              + " returned "
              + closed.status
              + ", callbacks "
              + closed.callbacks
              + " at "
              + closed.callbackPs);
    }
  }

  private static NdkFnRequestCompletion done(TwoHosts h, List<String> log, String what) {
    return (ctx, status) -> log.add(at(h, what + " done " + status));
  }

  private static void inline(List<String> log, TwoHosts h, String what, NtStatus status) {
    log.add(at(h, what + " returned " + status));
  }

  private static String at(TwoHosts h, String what) {
    return SimTime.format(h.sim.nowPs()) + " " + h.sim.nowPs() + " " + what;
  }
}
