package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.function.Supplier;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NdisStatus;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * Adapter-level rules: invariant 34 (version negotiation), 33 (passive-only calls made from a
 * callback, which may run at DISPATCH_LEVEL) and 31 (interrupt moderation support).
 */
final class AdapterRules {

  private final VerifierCore core;

  AdapterRules(VerifierCore core) {
    this.core = core;
  }

  NdkOpenAdapterResult open(NdkProvider provider, NdisOpenNdkAdapterParameters parameters) {
    NdkAdapterInfo info = providerInfo(provider);
    AdapterShadow a =
        new AdapterShadow(core.nextRef(NdkObjectType.ADAPTER), core.historyDepth, provider, info);
    core.adapters.add(a);
    core.note(a, "consumer calls OpenAdapter, version ", parameters.version());
    checkPassive(a, "OpenAdapter");
    Frame.Call f = core.push(a, "OpenAdapter", Frame.OpGroup.NONE);
    NdkOpenAdapterResult result;
    try {
      result = provider.openAdapter(parameters);
    } finally {
      core.pop(f);
    }
    core.note(a, "returned ", result.status());
    NdkAdapter adapter = result.adapter();
    checkVersion(a, parameters.version(), result, info);
    if (adapter == null) {
      a.state = ObjectState.FAILED;
      return result;
    }
    NdkVersion own = adapter.header().version();
    a.negotiated = own;
    List<String> problems = adapter.header().deliveryViolations(NdkObjectType.ADAPTER, own);
    if (!problems.isEmpty()) {
      core.violate(
          Invariant.I04,
          Side.PROVIDER,
          a,
          "the header of the opened " + a + " is wrong: " + String.join("; ", problems));
    }
    a.inner = adapter;
    VerifyingAdapter wrapper = new VerifyingAdapter(core, a, adapter);
    a.wrapper = wrapper;
    core.bindInner(a, adapter);
    a.state = ObjectState.READY;
    return NdkOpenAdapterResult.opened(wrapper);
  }

  private static NdkAdapterInfo providerInfo(NdkProvider provider) {
    try {
      return provider.ndkCapabilities().ndkInfo();
    } catch (RuntimeException e) {
      return null; // a provider without capabilities: invariants 30, 31 and 34 go unchecked
    }
  }

  /** Invariant 34. */
  private void checkVersion(
      AdapterShadow a, NdkVersion requested, NdkOpenAdapterResult result, NdkAdapterInfo info) {
    if (info == null) {
      return;
    }
    NdkVersion highest = info.version();
    boolean mustRefuse =
        requested.major() != highest.major() || requested.minor() > highest.minor();
    boolean refused = NdisStatus.BAD_VERSION.equals(result.status());
    if (mustRefuse && !refused) {
      core.violate(
          Invariant.I34,
          Side.PROVIDER,
          a,
          "OpenAdapter asked for version "
              + requested
              + " from a provider whose highest is "
              + highest
              + " and got "
              + result.status()
              + " instead of BAD_VERSION");
    } else if (!mustRefuse && refused) {
      core.violate(
          Invariant.I34,
          Side.PROVIDER,
          a,
          "OpenAdapter asked for version "
              + requested
              + ", which the provider's highest "
              + highest
              + " covers, and got BAD_VERSION");
    } else if (!mustRefuse
        && result.adapter() != null
        && !result.adapter().header().version().equals(highest)) {
      core.violate(
          Invariant.I34,
          Side.PROVIDER,
          a,
          "OpenAdapter for version "
              + requested
              + " opened an adapter reporting "
              + result.adapter().header().version()
              + "; it must report the provider's highest, "
              + highest);
    }
  }

  NdkAdapterInfoResult queryAdapterInfo(AdapterShadow a, Supplier<NdkAdapterInfoResult> call) {
    VerifierCore.Admission admission = core.admit(a, "QueryAdapterInfo", Frame.OpGroup.NONE);
    if (admission == VerifierCore.Admission.RAW) {
      return call.get();
    }
    checkPassive(a, "QueryAdapterInfo");
    Frame.Call f = core.push(a, "QueryAdapterInfo", Frame.OpGroup.NONE);
    try {
      return call.get();
    } finally {
      core.pop(f);
    }
  }

  /** Consumer rule C8 (invariant 33's consumer half): a callback may run at DISPATCH_LEVEL. */
  private void checkPassive(AdapterShadow a, String op) {
    Frame.Callback inside = core.innermostCallback();
    if (inside == null) {
      return;
    }
    core.violate(
        ConsumerRule.C8,
        a,
        "the consumer called "
            + op
            + " from inside the "
            + inside.kind.ndkName()
            + " of "
            + inside.target
            + ", which may run at DISPATCH_LEVEL; "
            + op
            + " needs PASSIVE_LEVEL");
  }

  /** Invariant 31. */
  NtStatus controlCqInterruptModeration(CqShadow cq, Supplier<NtStatus> call) {
    VerifierCore.Admission admission =
        core.admit(cq, "ControlCqInterruptModeration", Frame.OpGroup.NONE);
    if (admission == VerifierCore.Admission.RAW) {
      return call.get();
    }
    Frame.Call f = core.push(cq, "ControlCqInterruptModeration", Frame.OpGroup.NONE);
    NtStatus status;
    try {
      status = call.get();
    } finally {
      core.pop(f);
    }
    core.note(cq, "returned ", status);
    NdkAdapterInfo info = cq.root().info;
    boolean notSupported = NtStatus.NOT_SUPPORTED.equals(status);
    if (NtStatusText.isPending(status)) {
      core.violate(
          Invariant.I31,
          Side.PROVIDER,
          cq,
          "ControlCqInterruptModeration on " + cq + " returned PENDING; it never pends");
    } else if (info != null) {
      boolean supported = info.hasFlag(NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED);
      if (!supported && !notSupported) {
        core.violate(
            Invariant.I31,
            Side.PROVIDER,
            cq,
            "ControlCqInterruptModeration on "
                + cq
                + " returned "
                + status
                + " although the adapter lacks CQ_INTERRUPT_MODERATION; it must be NOT_SUPPORTED");
      } else if (supported && notSupported) {
        core.violate(
            Invariant.I31,
            Side.PROVIDER,
            cq,
            "ControlCqInterruptModeration on "
                + cq
                + " returned NOT_SUPPORTED although the adapter sets CQ_INTERRUPT_MODERATION");
      }
    }
    return status;
  }
}
