package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.connection.CmRetries;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.verifier.LifetimeVerifier;
import org.rnicsim.ndk.verifier.Violation;

/**
 * Every deliberately broken provider variant, run under the lifetime verifier in a scenario that
 * provokes it, is reported with the invariant number it breaks (the mutation check, on the
 * real provider rather than a fake).
 */
class MutationsCaughtByVerifierTest {
  private static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 64, 1));

  @ParameterizedTest
  @EnumSource(ProviderMutation.class)
  void eachBrokenVariantIsCaughtWithItsInvariantNumber(ProviderMutation mutation) {
    Run run = run(mutation, Set.of(mutation));
    assertTrue(
        run.caught.contains(mutation.invariant()),
        mutation
            + " should be reported as invariant "
            + mutation.invariant()
            + ", got "
            + run.caught
            + "\n"
            + run.report);
  }

  @ParameterizedTest
  @EnumSource(ProviderMutation.class)
  void theSameScenarioOnTheUnbrokenProviderIsClean(ProviderMutation scenario) {
    Run run = run(scenario, Set.of());
    assertTrue(run.caught.isEmpty(), scenario + ": " + run.report);
  }

  /** What the verifier reported: the invariant numbers of all violations, and its report. */
  private record Run(Set<Integer> caught, String report) {}

  private static Run run(ProviderMutation scenario, Set<ProviderMutation> mutations) {
    LifetimeVerifier verifier;
    if (scenario == ProviderMutation.LISTENER_ACCEPTS_AFTER_CLOSE
        || scenario == ProviderMutation.CONNECT_EVENT_WHILE_PAUSED) {
      Set<ProviderMutation> before = ProviderRig.injected;
      ProviderRig.injected = mutations;
      try {
        TwoHosts h = new TwoHosts(CmRetries.assumedDefault(), List.of("nicA", "nicB"), true);
        if (scenario == ProviderMutation.LISTENER_ACCEPTS_AFTER_CLOSE) {
          // The listener's close pends behind its accepted connector; a second request arrives.
          h.establish();
          h.b.close(h.listener);
          NdkConnector second = h.a.create(cb -> h.a.adapter.createConnector(cb, null));
          NdkQp qp2 = h.a.qp(h.active.pd, h.active.cq, "qp2");
          second.connect(qp2, TwoHosts.A, TwoHosts.B, 1, 1, null, (c, s) -> {}, null);
        } else {
          h.listener.controlConnectEvents(true);
          h.connect(null);
        }
        h.run();
        verifier = h.verifier;
      } finally {
        ProviderRig.injected = before;
      }
    } else {
      ProviderPolicy policy = policyFor(scenario);
      RnicSimulator sim = new RnicSimulator("mutation-" + scenario);
      ProviderRig rig = ProviderRig.verified(sim, b -> b.policy(policy).mutations(mutations));
      provoke(scenario, rig);
      rig.run();
      verifier = rig.verifier;
    }
    Set<Integer> caught = new TreeSet<>();
    for (Violation v : verifier.audit()) {
      caught.add(v.invariantNumber());
    }
    return new Run(caught, verifier.report());
  }

  private static ProviderPolicy policyFor(ProviderMutation mutation) {
    ProviderPolicy policy = ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE);
    return switch (mutation) {
      case OVERLAPPING_NOTIFICATIONS ->
          policy.withCallbackCostPs(CallbackKind.CQ_NOTIFICATION, 10 * SimTime.PS_PER_US);
      case CREATE_SUCCESS_WITHOUT_OBJECT, FAILED_CREATE_DELIVERS_OBJECT ->
          policy.withCreatePath(NdkObjectType.MR, ControlPath.FIRMWARE);
      case SUCCESSOR_RELEASED_AT_CLOSE_START ->
          policy.withClosePath(NdkObjectType.MR, ControlPath.FIRMWARE);
      default -> policy;
    };
  }

  /** A consumer program that gives the broken rule a chance to show. */
  private static void provoke(ProviderMutation mutation, ProviderRig rig) {
    NdkCq[] cq = new NdkCq[1];
    cq[0] =
        rig.cq(
            64,
            (ctx, status) -> {
              cq[0].getCqResults(new NdkResult[8]);
              cq[0].armCq(NdkCqNotificationType.ANY);
            },
            null);
    NdkPd pd = rig.pd();
    switch (mutation) {
      case CREATE_COMPLETION_AFTER_INLINE_SUCCESS -> rig.adapter.createPd((c, s, o) -> {}, null);
      case CLOSE_COMPLETION_AFTER_SUCCESS -> pd.closeObject(c -> {}, null);
      case CALLBACK_AFTER_CLOSE -> cq[0].closeObject(c -> {}, null);
      case CLOSE_WHILE_CALLBACK_RUNS -> {
        // An SRQ with no QP closes from inside its own notification.
        NdkSrq[] srq = new NdkSrq[1];
        srq[0] =
            rig.create(
                cb ->
                    pd.createSrq(
                        8,
                        1,
                        0,
                        (c, s) -> srq[0].closeObject(x -> {}, null),
                        null,
                        null,
                        cb,
                        null));
        srq[0].modifySrq(0, 4, (c, s) -> {}, null);
      }
      case NOTIFY_WHILE_UNARMED, OVERLAPPING_NOTIFICATIONS -> {
        if (mutation == ProviderMutation.OVERLAPPING_NOTIFICATIONS) {
          cq[0].armCq(NdkCqNotificationType.ANY);
        }
        SimQp[] qps = rig.connectedPair(pd, cq[0]);
        NdkQp qp = qpOf(rig, qps[0]);
        rig.run(); // the hardware QPs reach RTS
        // One write every 3 us, so completions keep arriving while a 10 us notification runs.
        for (int i = 0; i < 12; i++) {
          String context = "w" + i;
          rig.sim.schedule(i * 3 * SimTime.PS_PER_US, () -> qp.write(context, SGL, 0, 1, 0));
        }
      }
      case CLOSE_WITHOUT_FLUSH -> {
        NdkQp qp = rig.qp(pd, cq[0], "qp");
        qp.receive("r", SGL);
        qp.closeObject(c -> {}, null);
      }
      case ANTECEDENT_CLOSE_BEFORE_SUCCESSOR -> {
        rig.create(cb -> pd.createMr(false, cb, null));
        pd.closeObject(c -> {}, null);
      }
      case REQUEST_COMPLETION_TWICE -> {
        NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
        mr.registerMr(Mdl.of(0, 4096), 4096, 0, (c, s) -> {}, null);
      }
      case SILENT_SUCCESS_QUEUES_ENTRY, QP_CONTEXT_LOST -> {
        SimQp[] qps = rig.connectedPair(pd, cq[0]);
        int flags =
            mutation == ProviderMutation.SILENT_SUCCESS_QUEUES_ENTRY
                ? NdkOpFlag.SILENT_SUCCESS.value()
                : 0;
        qpOf(rig, qps[0]).write("w", SGL, 0, 1, flags);
      }
      case FLUSHED_NOT_CANCELLED -> {
        NdkQp qp = rig.qp(pd, cq[0], "qp");
        qp.receive("r", SGL);
        qp.flush();
      }
      case DEFER_CHAIN_NOT_PUSHED -> {
        SimQp[] qps = rig.connectedPair(pd, cq[0]);
        NdkQp qp = qpOf(rig, qps[0]);
        qp.write("deferred", SGL, 0, 1, NdkOpFlag.DEFER.value());
        qp.write("fails", SGL, 0, 1, NdkOpFlag.RDMA_READ_SINK.value());
      }
      case CREATE_SUCCESS_WITHOUT_OBJECT -> pd.createMr(false, (c, s, o) -> {}, null);
      case FAILED_CREATE_DELIVERS_OBJECT -> {
        // The PD's close cancels the MR's pending create (invariant 9), so the create fails.
        pd.createMr(false, (c, s, o) -> {}, null);
        pd.closeObject(c -> {}, null);
      }
      case HEADER_WRONG_VERSION -> rig.create(cb -> pd.createMw(cb, null));
      case REQUEST_RELEASES_CLOSE_AT_START -> {
        NdkMr mr = rig.create(cb -> pd.createMr(true, cb, null));
        mr.initializeFastRegisterMr(16, false, (c, s) -> mr.closeObject(x -> {}, null), null);
      }
      case SUCCESSOR_RELEASED_AT_CLOSE_START -> {
        NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
        mr.closeObject(c -> {}, null); // pends: the MR's destroy is a firmware command
        pd.closeObject(c -> {}, null);
      }
      case REARM_TAKES_LATEST_TYPE -> {
        NdkCq polled = rig.cq(64, (c, s) -> {}, null);
        SimQp[] qps = rig.connectedPair(pd, polled);
        polled.armCq(NdkCqNotificationType.ANY);
        polled.armCq(NdkCqNotificationType.ERRORS);
        qpOf(rig, qps[0]).write("w", SGL, 0, 1, 0);
      }
      case SRQ_CLOSE_DROPS_RECEIVES -> {
        NdkSrq srq = rig.create(cb -> pd.createSrq(64, 2, 0, null, null, null, cb, null));
        NdkQp onSrq =
            rig.create(cb -> pd.createQpWithSrq(cq[0], cq[0], srq, "onSrq", 64, 2, 0, cb, null));
        srq.srqReceive("r", SGL);
        srq.closeObject(c -> {}, null);
        onSrq.closeObject(c -> {}, null);
      }
      case CQ_DEPTH_UNCHECKED ->
          rig.adapter.createCq(
              rig.provider.runtime().adapterInfo().maxCqDepth() + 1,
              null,
              null,
              null,
              (c, s, o) -> {},
              null);
      case MODERATION_REFUSED_DESPITE_FLAG -> cq[0].controlCqInterruptModeration(10, 4);
      case OPEN_ACCEPTS_HIGHER_MINOR ->
          rig.consumerView.openAdapter(
              NdisOpenNdkAdapterParameters.of(
                  new NdkVersion(
                      rig.provider.runtime().version().major(),
                      rig.provider.runtime().version().minor() + 1)));
      default -> throw new IllegalArgumentException("no scenario for " + mutation);
    }
  }

  /** The consumer's handle for a provider QP (connectedPair works on provider objects). */
  private static NdkQp qpOf(ProviderRig rig, SimQp own) {
    return rig.consumerQps.get(own);
  }
}
