package org.rnicsim.experiments.rdma.sim;

import java.util.function.Function;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.consumer.ProbeFeed;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.verifier.ProviderProbe;

/**
 * What a loop that runs as an NDK consumer needs before it measures: creates that run the
 * simulation until their completion arrives, and a provider observer that keeps the verifier's
 * probe informed and tells the loop when a CQ entry is queued (the moment a spinning core could
 * find it).
 */
public final class NdkConsumerSetup {
  private NdkConsumerSetup() {}

  /**
   * The object {@code call} creates, run to its completion on {@code simulator} when it pends.
   *
   * @throws IllegalStateException when the create fails: setting up a loop must not
   */
  public static <T extends NdkObject> T create(
      RnicSimulator simulator, Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    Object[] delivered = new Object[1];
    NtStatus[] status = new NtStatus[1];
    NdkCreateResult<T> result =
        call.apply(
            (ctx, s, object) -> {
              status[0] = s;
              delivered[0] = object;
            });
    if (!result.isPending()) {
      require(result.status(), "a create");
      return result.object();
    }
    simulator.runUntil(() -> status[0] != null);
    require(status[0], "a create");
    @SuppressWarnings("unchecked")
    T object = (T) delivered[0];
    return object;
  }

  /**
   * An MR over {@code [address, address + bytes)} registered for local writes, remote reads and
   * remote writes, run to its completion: a loop's posts carry its tokens, because an adapter
   * refuses an access with a token it holds no registration for (a remote access or local
   * protection error).
   *
   * @throws IllegalStateException when the registration fails
   */
  public static NdkMr registerMr(RnicSimulator simulator, NdkPd pd, long address, long bytes) {
    NdkMr mr = create(simulator, cb -> pd.createMr(false, cb, null));
    NtStatus[] status = new NtStatus[1];
    int flags =
        NdkMrFlag.mask(
            NdkMrFlag.ALLOW_LOCAL_WRITE, NdkMrFlag.ALLOW_REMOTE_READ, NdkMrFlag.ALLOW_REMOTE_WRITE);
    NtStatus returned =
        mr.registerMr(Mdl.of(address, bytes), bytes, flags, (ctx, s) -> status[0] = s, null);
    if (NtStatus.PENDING.equals(returned)) {
      simulator.runUntil(() -> status[0] != null);
      returned = status[0];
    }
    require(returned, "RegisterMr");
    return mr;
  }

  /** An observer feeding {@code probe} that runs {@code entryQueued} on every queued CQ entry. */
  public static ProviderObserver observer(ProviderProbe probe, Runnable entryQueued) {
    return ProbeFeed.into(probe, entry -> entryQueued.run());
  }

  /** Fails loudly unless {@code status} is SUCCESS. */
  public static void require(NtStatus status, String what) {
    if (!NtStatus.SUCCESS.equals(status)) {
      throw new IllegalStateException("NDK " + what + " failed with " + status);
    }
  }
}
