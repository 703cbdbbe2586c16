package org.rnicsim.ndk.provider.policy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.interrupt.ModerationTimerStart;
import org.rnicsim.ndk.api.constant.NdkObjectType;

/**
 * The simulated provider's choices that ndkpi leaves to the implementation (ndkpi-spec 2, 3, 6):
 * which creates and closes complete inline and which wait for a firmware command, what each
 * consumer callback costs on its CPU core, and a few timing and batching knobs. A profile sets
 * them; {@link #defaults()} documents the values used when it does not.
 *
 * @param createPaths per object kind, INLINE (SUCCESS at once) or FIRMWARE (PENDING until the
 *     command's completion is delivered); only PD, CQ, QP, SRQ, MR and MW have firmware commands
 * @param closePaths per object kind, whether the close issues a destroy command once nothing else
 *     keeps it pending (FIRMWARE: always PENDING) or may return SUCCESS (INLINE)
 * @param callbackCostsPs modelled CPU time of each consumer callback: it starts at t and returns at
 *     t + cost, and a close issued meanwhile waits for the return (invariant 8)
 * @param completionDpcCostPs the provider's own work in the DPC before it calls the consumer (find
 *     the request, build the result); charged on the same core just before the callback
 * @param postCostPs from a post's call to its doorbell reaching the adapter (WQE write plus the
 *     MMIO doorbell); a DEFER post that does not ring costs nothing here
 * @param controlCore the host core for callbacks that no interrupt delivers: close completions
 *     after the last callback returned, cancelled requests
 * @param moderationTimerStart where ControlCqInterruptModeration's interval starts counting
 * @param batchDeferredDoorbells true: DEFER posts wait for the next non-DEFER post (or an inline
 *     failure) to ring one doorbell for the batch; false: every post rings (ndkpi-spec 6, DEFER is
 *     a hint)
 * @param adapterCloseLimitPs how long a blocking adapter close runs the simulation waiting for the
 *     consumer to close every descendant before it gives up with an error
 */
public record ProviderPolicy(
    Map<NdkObjectType, ControlPath> createPaths,
    Map<NdkObjectType, ControlPath> closePaths,
    Map<CallbackKind, Long> callbackCostsPs,
    long completionDpcCostPs,
    long postCostPs,
    int controlCore,
    ModerationTimerStart moderationTimerStart,
    boolean batchDeferredDoorbells,
    long adapterCloseLimitPs) {

  /** The object kinds a firmware command can create or destroy (FirmwareCommandKind). */
  public static final Set<NdkObjectType> FIRMWARE_KINDS =
      EnumSet.of(
          NdkObjectType.PD,
          NdkObjectType.CQ,
          NdkObjectType.QP,
          NdkObjectType.SRQ,
          NdkObjectType.MR,
          NdkObjectType.MW);

  /** The kinds a consumer creates and closes (everything but the adapter). */
  public static final Set<NdkObjectType> CLOSEABLE_KINDS =
      EnumSet.of(
          NdkObjectType.QP,
          NdkObjectType.CQ,
          NdkObjectType.MR,
          NdkObjectType.MW,
          NdkObjectType.PD,
          NdkObjectType.SHARED_ENDPOINT,
          NdkObjectType.CONNECTOR,
          NdkObjectType.LISTENER,
          NdkObjectType.SRQ);

  /** Checks every kind and callback has a setting and the times are not negative. */
  public ProviderPolicy {
    createPaths = completePaths("create", createPaths);
    closePaths = completePaths("close", closePaths);
    EnumMap<CallbackKind, Long> costs = new EnumMap<>(CallbackKind.class);
    costs.putAll(Objects.requireNonNull(callbackCostsPs, "callbackCostsPs"));
    for (CallbackKind kind : CallbackKind.values()) {
      Long cost = costs.get(kind);
      if (cost == null || cost < 0) {
        throw new IllegalArgumentException("callback cost of " + kind + " must be >= 0 ps");
      }
    }
    callbackCostsPs = Map.copyOf(costs);
    requireNonNegative("completionDpcCostPs", completionDpcCostPs);
    requireNonNegative("postCostPs", postCostPs);
    requireNonNegative("controlCore", controlCore);
    Objects.requireNonNull(moderationTimerStart, "moderationTimerStart");
    if (adapterCloseLimitPs <= 0) {
      throw new IllegalArgumentException("adapterCloseLimitPs must be > 0");
    }
  }

  /**
   * The defaults, all assumptions (calibration.md has no provider figures):
   *
   * <ul>
   *   <li>CQ, QP and SRQ are created and destroyed by firmware commands, since they own rings and
   *       contexts on the adapter (as mlx5 does); PD, MR and MW objects are plain driver objects,
   *       created and closed inline: registering memory (RegisterMr, InitializeFastRegisterMr) is
   *       the firmware command, not the MR object. Connectors, listeners and shared endpoints are
   *       connection-manager software objects, always inline.
   *   <li>Callbacks: 0.5 us for a create, close or request completion (record the outcome, wake a
   *       thread), 2 us for a CQ notification (a consumer typically polls the CQ and re-arms in
   *       it), 1 us for SRQ notifications and connection events.
   *   <li>0.3 us of provider work in the DPC per completion; 0.2 us from post to doorbell.
   *   <li>Control callbacks on core 0; moderation timer from the EQE (mlx5's default); DEFER
   *       batches doorbells; an adapter close gives the consumer 10 s of simulated time.
   * </ul>
   */
  public static ProviderPolicy defaults() {
    EnumMap<NdkObjectType, ControlPath> paths = new EnumMap<>(NdkObjectType.class);
    for (NdkObjectType kind : CLOSEABLE_KINDS) {
      paths.put(kind, ControlPath.INLINE);
    }
    paths.put(NdkObjectType.CQ, ControlPath.FIRMWARE);
    paths.put(NdkObjectType.QP, ControlPath.FIRMWARE);
    paths.put(NdkObjectType.SRQ, ControlPath.FIRMWARE);
    long ns = SimTime.PS_PER_NS;
    long us = SimTime.PS_PER_US;
    EnumMap<CallbackKind, Long> costs = new EnumMap<>(CallbackKind.class);
    costs.put(CallbackKind.CREATE_COMPLETION, 500 * ns);
    costs.put(CallbackKind.CLOSE_COMPLETION, 500 * ns);
    costs.put(CallbackKind.REQUEST_COMPLETION, 500 * ns);
    costs.put(CallbackKind.CQ_NOTIFICATION, 2 * us);
    costs.put(CallbackKind.SRQ_NOTIFICATION, us);
    costs.put(CallbackKind.CONNECT_EVENT, us);
    costs.put(CallbackKind.DISCONNECT_EVENT, us);
    return new ProviderPolicy(
        paths,
        paths,
        costs,
        300 * ns,
        200 * ns,
        0,
        ModerationTimerStart.EQE,
        true,
        10 * SimTime.PS_PER_S);
  }

  /** The create path of {@code kind}. */
  public ControlPath createPath(NdkObjectType kind) {
    return pathOf(createPaths, kind);
  }

  /** The close path of {@code kind}. */
  public ControlPath closePath(NdkObjectType kind) {
    return pathOf(closePaths, kind);
  }

  /** The modelled CPU time of one callback of {@code kind}. */
  public long callbackCostPs(CallbackKind kind) {
    return callbackCostsPs.get(kind);
  }

  /** This policy with {@code kind} created along {@code path}. */
  public ProviderPolicy withCreatePath(NdkObjectType kind, ControlPath path) {
    return edit(e -> e.createPaths.put(kind, path));
  }

  /** This policy with {@code kind} closed along {@code path}. */
  public ProviderPolicy withClosePath(NdkObjectType kind, ControlPath path) {
    return edit(e -> e.closePaths.put(kind, path));
  }

  /** This policy with every kind created and closed along {@code path} where it can be. */
  public ProviderPolicy withAllPaths(ControlPath path) {
    return edit(
        e -> {
          for (NdkObjectType kind : CLOSEABLE_KINDS) {
            if (path == ControlPath.INLINE || FIRMWARE_KINDS.contains(kind)) {
              e.createPaths.put(kind, path);
              e.closePaths.put(kind, path);
            }
          }
        });
  }

  /** This policy with one callback cost changed. */
  public ProviderPolicy withCallbackCostPs(CallbackKind kind, long costPs) {
    return edit(e -> e.callbackCostsPs.put(kind, costPs));
  }

  /** This policy with DEFER batching switched on or off. */
  public ProviderPolicy withBatchDeferredDoorbells(boolean batch) {
    return edit(e -> e.batchDeferredDoorbells = batch);
  }

  /** This policy with another adapter close limit. */
  public ProviderPolicy withAdapterCloseLimitPs(long limitPs) {
    return edit(e -> e.adapterCloseLimitPs = limitPs);
  }

  /** A copy with {@code change} applied, checked by the canonical constructor like any policy. */
  private ProviderPolicy edit(Consumer<Edit> change) {
    Edit e = new Edit(this);
    change.accept(e);
    return new ProviderPolicy(
        e.createPaths,
        e.closePaths,
        e.callbackCostsPs,
        completionDpcCostPs,
        postCostPs,
        controlCore,
        moderationTimerStart,
        e.batchDeferredDoorbells,
        e.adapterCloseLimitPs);
  }

  /** The components the withers change, copied mutable. */
  private static final class Edit {
    final EnumMap<NdkObjectType, ControlPath> createPaths = new EnumMap<>(NdkObjectType.class);
    final EnumMap<NdkObjectType, ControlPath> closePaths = new EnumMap<>(NdkObjectType.class);
    final EnumMap<CallbackKind, Long> callbackCostsPs = new EnumMap<>(CallbackKind.class);
    boolean batchDeferredDoorbells;
    long adapterCloseLimitPs;

    Edit(ProviderPolicy from) {
      createPaths.putAll(from.createPaths);
      closePaths.putAll(from.closePaths);
      callbackCostsPs.putAll(from.callbackCostsPs);
      batchDeferredDoorbells = from.batchDeferredDoorbells;
      adapterCloseLimitPs = from.adapterCloseLimitPs;
    }
  }

  private static Map<NdkObjectType, ControlPath> completePaths(
      String what, Map<NdkObjectType, ControlPath> given) {
    Objects.requireNonNull(given, what + " paths");
    EnumMap<NdkObjectType, ControlPath> copy = new EnumMap<>(NdkObjectType.class);
    for (NdkObjectType kind : CLOSEABLE_KINDS) {
      ControlPath path = given.get(kind);
      if (path == null) {
        throw new IllegalArgumentException("no " + what + " path for " + kind);
      }
      if (path == ControlPath.FIRMWARE && !FIRMWARE_KINDS.contains(kind)) {
        throw new IllegalArgumentException(
            kind + " has no firmware command, so its " + what + " path must be INLINE");
      }
      copy.put(kind, path);
    }
    for (NdkObjectType kind : given.keySet()) {
      if (!CLOSEABLE_KINDS.contains(kind)) {
        throw new IllegalArgumentException(
            what + " path given for " + kind + ", not a created kind");
      }
    }
    return Map.copyOf(copy);
  }

  private static ControlPath pathOf(Map<NdkObjectType, ControlPath> paths, NdkObjectType kind) {
    ControlPath path = paths.get(kind);
    if (path == null) {
      throw new IllegalArgumentException(kind + " is not created by a consumer");
    }
    return path;
  }

  private static void requireNonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, was " + value);
    }
  }
}
