package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.Ulong;

/** Requests: invariant 12 (ndkpi-spec 4). */
class RequestInvariantsTest {

  /** Counts completions per call. */
  private static final class Counter implements NdkFnRequestCompletion {
    final List<NtStatus> statuses = new ArrayList<>();

    @Override
    public void requestCompletion(Object context, NtStatus status) {
      statuses.add(status);
    }
  }

  @Test
  void invariant12_requestCallbackRunsOnceIffTheRequestReturnedPending() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(8);
    NdkPd pd = rig.pd();
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    NdkSrq srq = rig.create(cb -> pd.createSrq(64, 1, 0, null, null, null, cb, null));
    Counter register = new Counter();
    Counter badRegister = new Counter();
    Counter resize = new Counter();
    Counter modifyInline = new Counter();
    Counter modifyPending = new Counter();
    List<NtStatus> returned =
        List.of(
            mr.registerMr(
                Mdl.of(0x4000, 4096), 4096, NdkMrFlag.ALLOW_LOCAL_WRITE.value(), register, null),
            mr.registerMr(Mdl.of(0x4000, 4096), 0, 0, badRegister, null),
            cq.resizeCq(16, resize, null),
            srq.modifySrq(0, 4, modifyInline, null),
            srq.modifySrq(128, 0, modifyPending, null));
    rig.run();
    assertEquals(
        List.of(
            NtStatus.PENDING,
            NtStatus.INVALID_PARAMETER,
            NtStatus.PENDING,
            NtStatus.SUCCESS,
            NtStatus.PENDING),
        returned);
    assertEquals(List.of(NtStatus.SUCCESS), register.statuses);
    assertEquals(List.of(), badRegister.statuses);
    assertEquals(List.of(NtStatus.SUCCESS), resize.statuses);
    assertEquals(List.of(), modifyInline.statuses);
    assertEquals(List.of(NtStatus.SUCCESS), modifyPending.statuses);
  }

  @Test
  void invariant12_controlCqInterruptModerationNeverPends() {
    ProviderRig rig = new ProviderRig();
    NdkCq cq = rig.cq(64);
    for (long[] args :
        new long[][] {{0, 0}, {8, 32}, {Ulong.MAXULONG, 16}, {16, Ulong.MAXULONG}, {1, 1}}) {
      NtStatus status = cq.controlCqInterruptModeration(args[0], args[1]);
      assertEquals(NtStatus.SUCCESS, status);
    }
    assertEquals(
        NtStatus.INVALID_PARAMETER_MIX,
        cq.controlCqInterruptModeration(Ulong.MAXULONG, Ulong.MAXULONG));
  }

  @Test
  void registerMrTakesLongerForMorePages() {
    ProviderRig rig = new ProviderRig();
    NdkPd pd = rig.pd();
    NdkMr small = rig.create(cb -> pd.createMr(false, cb, null));
    NdkMr large = rig.create(cb -> pd.createMr(false, cb, null));
    long start = rig.now();
    long[] done = {-1, -1};
    small.registerMr(Mdl.of(0, 4096), 4096, 0, (c, s) -> done[0] = rig.now(), null);
    rig.run();
    long startLarge = rig.now();
    large.registerMr(Mdl.of(0, 4096L * 1000), 4096L * 1000, 0, (c, s) -> done[1] = rig.now(), null);
    rig.run();
    long smallPs = done[0] - start;
    long largePs = done[1] - startLarge;
    // rnic-model's assumed REGISTER_MR: 20 us + 0.1 us per page.
    assertEquals(999 * SimTime.PS_PER_US / 10, largePs - smallPs);
    assertTrue(small.getLocalTokenFromMr() != 0);
  }
}
