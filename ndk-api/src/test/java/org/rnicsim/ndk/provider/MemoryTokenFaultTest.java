package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.connection.CmRetries;

/**
 * What a consumer sees when it uses a memory token the peer's adapter no longer holds
 * (deregistered, invalidated) or its own adapter never held: the adapter refuses the access (the
 * responder's MPT lookup, a remote access error NAK; the requester's own lookup, a local protection
 * error), the request completes with STATUS_ACCESS_VIOLATION, the requests behind it with
 * STATUS_CANCELLED, the QP takes no more work, and the peer's memory is untouched. FastRegister,
 * Bind and Invalidate reach the adapter as RegisterMr and DeregisterMr do. The lifetime verifier
 * finds nothing wrong with any of it: a refused access breaks no NDK rule.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryTokenFaultTest {
  private static final long SOURCE = 0x1000;
  private static final long TARGET = 0x10_0000;
  private static final long BYTES = 1024; // above the QPs' inline size: the source is DMA-read
  private static final List<NdkSge> SOURCE_SGL =
      List.of(new NdkSge(SOURCE, BYTES, ProviderRig.TEST_LOCAL_TOKEN));
  private static final int REMOTE_ACCESS =
      NdkMrFlag.mask(NdkMrFlag.ALLOW_REMOTE_READ, NdkMrFlag.ALLOW_REMOTE_WRITE);

  private final TwoHosts h =
      new TwoHosts(CmRetries.assumedDefault(), List.of("nicA", "nicB"), true);

  MemoryTokenFaultTest() {
    h.establish();
  }

  /** DMA writes the passive host's adapter made so far: payload it placed in host memory. */
  private long passiveDmaWrites() {
    String adapter = h.b.provider.hardware().name();
    return h.b.provider.hardware().stats().counter(adapter + ".dma.writes").count();
  }

  /** Runs until nothing is left to do; returns the active side's CQ entries, in order. */
  private List<NdkResultEx> activeEntries() {
    h.run();
    List<NdkResultEx> entries = new ArrayList<>();
    NdkResultEx[] batch = new NdkResultEx[8];
    int n;
    while ((n = h.active.cq.getCqResultsEx(batch)) > 0) {
      entries.addAll(Arrays.asList(batch).subList(0, n));
    }
    return entries;
  }

  private static List<String> outcomes(List<NdkResultEx> entries) {
    return entries.stream().map(e -> e.requestContext() + " " + e.status().name()).toList();
  }

  private NtStatus write(String context, long target, int token) {
    return h.active.qp.write(context, SOURCE_SGL, target, token, 0);
  }

  private void noViolations() {
    assertEquals(List.of(), h.verifier.audit(), h.verifier.report());
  }

  @Test
  void aWriteToADeregisteredMrFailsWithAccessViolationAndCancelsTheRequestsBehindIt() {
    NdkMr target = h.b.registeredMr(h.passive.pd, TARGET, BYTES, REMOTE_ACCESS);
    int token = target.getRemoteTokenFromMr();
    long placedBefore = passiveDmaWrites();
    assertEquals(NtStatus.SUCCESS, write("ok", TARGET, token));
    assertEquals(List.of("ok STATUS_SUCCESS"), outcomes(activeEntries()));
    assertTrue(passiveDmaWrites() > placedBefore, "a WRITE with a registered token lands");

    NtStatus[] deregistered = new NtStatus[1];
    target.deregisterMr((c, s) -> deregistered[0] = s, null);
    h.sim.runUntil(() -> deregistered[0] != null);
    assertEquals(NtStatus.SUCCESS, deregistered[0]);
    long placed = passiveDmaWrites();
    assertEquals(NtStatus.SUCCESS, write("stale", TARGET, token));
    assertEquals(NtStatus.SUCCESS, write("behind", TARGET, token));
    assertEquals(
        NtStatus.SUCCESS,
        h.active.qp.read("read behind", SOURCE_SGL, TARGET, token, NdkOpFlag.DEFER.value()));
    assertEquals(NtStatus.SUCCESS, write("last", TARGET, token));

    assertEquals(
        List.of(
            "stale STATUS_ACCESS_VIOLATION",
            "behind STATUS_CANCELLED",
            "read behind STATUS_CANCELLED",
            "last STATUS_CANCELLED"),
        outcomes(activeEntries()));
    assertEquals(placed, passiveDmaWrites(), "the passive host's memory is untouched");
    // The QP is in ERROR: a request posted now is cancelled too.
    assertEquals(NtStatus.SUCCESS, write("later", TARGET, ProviderRig.TEST_REMOTE_TOKEN));
    assertEquals(List.of("later STATUS_CANCELLED"), outcomes(activeEntries()));
    noViolations();
  }

  @Test
  void aReadFromAnMrThePeerNeverRegisteredFailsWithAccessViolation() {
    int neverIssued = 0x7777;
    assertEquals(NtStatus.SUCCESS, h.active.qp.read("read", SOURCE_SGL, TARGET, neverIssued, 0));
    assertEquals(List.of("read STATUS_ACCESS_VIOLATION"), outcomes(activeEntries()));
    noViolations();
  }

  @Test
  void aBadLocalTokenFailsWithAccessViolationAndNothingReachesThePeer() {
    long placed = passiveDmaWrites();
    List<NdkSge> badSgl = List.of(new NdkSge(SOURCE, BYTES, 0x7777));
    assertEquals(
        NtStatus.SUCCESS,
        h.active.qp.write("bad lkey", badSgl, SOURCE, ProviderRig.TEST_REMOTE_TOKEN, 0));
    assertEquals(NtStatus.SUCCESS, write("behind", SOURCE, ProviderRig.TEST_REMOTE_TOKEN));
    assertEquals(
        List.of("bad lkey STATUS_ACCESS_VIOLATION", "behind STATUS_CANCELLED"),
        outcomes(activeEntries()));
    assertEquals(placed, passiveDmaWrites());
    noViolations();
  }

  @Test
  void aFastRegisteredTokenTakesWritesUntilInvalidateAndIsRefusedAfter() {
    NdkMr fr = h.b.create(cb -> h.passive.pd.createMr(true, cb, null));
    NtStatus[] initialised = new NtStatus[1];
    fr.initializeFastRegisterMr(4, true, (c, s) -> initialised[0] = s, null);
    h.sim.runUntil(() -> initialised[0] != null);
    assertEquals(NtStatus.SUCCESS, initialised[0]);
    int flags = NdkOpFlag.ALLOW_REMOTE_WRITE.value() | NdkOpFlag.SILENT_SUCCESS.value();
    assertEquals(
        NtStatus.SUCCESS,
        h.passive.qp.fastRegister("fr", fr, new long[] {TARGET}, 0, BYTES, TARGET, flags));
    int token = fr.getRemoteTokenFromMr();

    long placed = passiveDmaWrites();
    assertEquals(NtStatus.SUCCESS, write("fast", TARGET, token));
    assertEquals(List.of("fast STATUS_SUCCESS"), outcomes(activeEntries()));
    assertTrue(passiveDmaWrites() > placed, "the fast-registered memory took the WRITE");

    assertEquals(
        NtStatus.SUCCESS, h.passive.qp.invalidate("inv", fr, NdkOpFlag.SILENT_SUCCESS.value()));
    h.run();
    placed = passiveDmaWrites();
    assertEquals(NtStatus.SUCCESS, write("invalidated", TARGET, token));
    assertEquals(List.of("invalidated STATUS_ACCESS_VIOLATION"), outcomes(activeEntries()));
    assertEquals(placed, passiveDmaWrites(), "nothing placed after the Invalidate");
    noViolations();
  }

  @Test
  void aBoundWindowsTokenTakesWritesUntilInvalidateAndIsRefusedAfter() {
    NdkMr target = h.b.registeredMr(h.passive.pd, TARGET, BYTES, REMOTE_ACCESS);
    NdkMw window = h.b.create(cb -> h.passive.pd.createMw(cb, null));
    int flags = NdkOpFlag.ALLOW_REMOTE_WRITE.value() | NdkOpFlag.SILENT_SUCCESS.value();
    assertEquals(NtStatus.SUCCESS, h.passive.qp.bind("bind", target, window, TARGET, BYTES, flags));
    int token = window.getRemoteTokenFromMw();

    assertEquals(NtStatus.SUCCESS, write("through the window", TARGET, token));
    assertEquals(List.of("through the window STATUS_SUCCESS"), outcomes(activeEntries()));

    int silent = NdkOpFlag.SILENT_SUCCESS.value();
    assertEquals(NtStatus.SUCCESS, h.passive.qp.invalidate("inv", window, silent));
    h.run();
    assertEquals(NtStatus.SUCCESS, write("window gone", TARGET, token));
    assertEquals(List.of("window gone STATUS_ACCESS_VIOLATION"), outcomes(activeEntries()));
    noViolations();
  }
}
