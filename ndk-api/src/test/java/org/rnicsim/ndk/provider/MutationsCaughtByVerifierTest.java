package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimQp;
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
    ProviderPolicy policy = ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE);
    if (mutation == ProviderMutation.OVERLAPPING_NOTIFICATIONS) {
      policy = policy.withCallbackCostPs(CallbackKind.CQ_NOTIFICATION, 10 * SimTime.PS_PER_US);
    }
    ProviderPolicy chosen = policy;
    RnicSimulator sim = new RnicSimulator("mutation-" + mutation);
    ProviderRig rig = ProviderRig.verified(sim, b -> b.policy(chosen).mutations(Set.of(mutation)));
    provoke(mutation, rig);
    rig.run();
    Set<Integer> caught = new TreeSet<>();
    for (Violation v : rig.verifier.violations()) {
      caught.add(v.invariantNumber());
    }
    for (Violation v : rig.verifier.audit()) {
      caught.add(v.invariantNumber());
    }
    assertTrue(
        caught.contains(mutation.invariant()),
        mutation
            + " should be reported as invariant "
            + mutation.invariant()
            + ", got "
            + caught
            + "\n"
            + rig.verifier.report());
  }

  @ParameterizedTest
  @EnumSource(ProviderMutation.class)
  void theSameScenarioOnTheUnbrokenProviderIsClean(ProviderMutation scenario) {
    ProviderPolicy policy = ProviderPolicy.defaults().withAllPaths(ControlPath.INLINE);
    if (scenario == ProviderMutation.OVERLAPPING_NOTIFICATIONS) {
      policy = policy.withCallbackCostPs(CallbackKind.CQ_NOTIFICATION, 10 * SimTime.PS_PER_US);
    }
    ProviderPolicy chosen = policy;
    RnicSimulator sim = new RnicSimulator("clean-" + scenario);
    ProviderRig rig = ProviderRig.verified(sim, b -> b.policy(chosen));
    provoke(scenario, rig);
    rig.run();
    List<Violation> all = new java.util.ArrayList<>(rig.verifier.violations());
    all.addAll(rig.verifier.audit());
    assertTrue(all.isEmpty(), scenario + ": " + rig.verifier.report());
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
      default -> throw new IllegalArgumentException("no scenario for " + mutation);
    }
  }

  /** The consumer's handle for a provider QP (connectedPair works on provider objects). */
  private static NdkQp qpOf(ProviderRig rig, SimQp own) {
    return rig.consumerQps.get(own);
  }
}
