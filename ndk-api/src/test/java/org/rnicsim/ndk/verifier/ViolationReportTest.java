package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;

/** What a student reads: one violation in plain lines with its history, and a summary. */
class ViolationReportTest {

  /** A CQ closed while its notification still runs in modelled time (invariant 7). */
  private static Rig closeDuringNotification() {
    Rig rig = new Rig();
    rig.advance(1_000_000);
    NdkCq cq = rig.cq();
    rig.advance(250_000);
    cq.armCq(NdkCqNotificationType.ANY);
    rig.advance(2_000_000);
    rig.fake.probe.nextCallbackReturnsAt(rig.nowPs + 2_000_000);
    ((FakeQueues.FakeCq) rig.inner(cq)).notifyConsumer(NtStatus.SUCCESS);
    rig.advance(500_000);
    rig.fake.closeAnswer = NtStatus.PENDING;
    cq.closeObject(ctx -> {}, null);
    rig.advance(750_000);
    rig.fake.last("Close").completeClose();
    return rig;
  }

  @Test
  void oneViolationReadsAsAFewPlainLinesAndTheObjectsHistory() {
    Rig rig = closeDuringNotification();
    Violation v = rig.verifier.violations().get(0);
    assertEquals(7, v.invariantNumber());
    assertEquals(new ObjectRef(NdkObjectType.CQ, 1), v.object());
    assertEquals(4_500_000, v.timePs());
    String text = ViolationReport.render(v);
    List<String> lines = text.lines().toList();
    assertEquals("Invariant 7 broken by the provider on CQ#1 at 4.500 us", lines.get(0));
    assertEquals(
        "  What happened: the close completion of CQ#1 started while its CqNotification (started"
            + " at 3.250 us, modelled to return at 5.250 us) was still running",
        lines.get(1));
    assertTrue(lines.get(2).startsWith("  The rule:      ndkpi-spec 7.7: \"When the close"));
    assertTrue(text.contains("1.000 us  consumer calls CreateCq"), text);
    assertTrue(text.contains("3.250 us  provider starts CqNotification STATUS_SUCCESS"), text);
    assertTrue(text.contains("3.750 us  returned: CloseObject -> STATUS_PENDING"), text);
    assertTrue(text.endsWith("4.500 us  <-- invariant 7 broken here\n"), text);
  }

  @Test
  void summaryCountsEachInvariantBySideThenListsEveryViolation() {
    Rig rig = closeDuringNotification();
    NdkPd pd = rig.pd();
    pd.closeObject(ctx -> {}, null);
    assertThrows(NdkMisuseException.class, () -> pd.closeObject(ctx -> {}, null));
    String summary = rig.verifier.report();
    assertTrue(summary.startsWith("Lifetime verifier: 2 violations\n"), summary);
    assertTrue(summary.contains("invariant  7: 1 by the provider"), summary);
    assertTrue(summary.contains("consumer rule C2: 1 by the consumer"), summary);
    assertTrue(summary.contains("Consumer rule C2 broken by the consumer on PD#1"), summary);
    assertTrue(summary.contains("the consumer (the code calling the NDK objects) must change"));
  }

  @Test
  void noViolationsSaysSo() {
    assertEquals("Lifetime verifier: no violations.\n", new Rig().verifier.report());
  }

  @Test
  void historyDepthBoundsWhatAViolationCarries() {
    long[] now = {0};
    FakeProvider fake = new FakeProvider();
    LifetimeVerifier verifier = LifetimeVerifier.builder(() -> now[0]).historyDepth(3).build();
    NdkPd pd =
        verifier
            .wrap(fake)
            .openAdapter(
                org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters.of(
                    org.rnicsim.ndk.api.struct.NdkVersion.V1_2))
            .adapter()
            .createPd(null, null)
            .object();
    for (int i = 0; i < 5; i++) {
      pd.getPrivilegedMemoryRegionToken();
    }
    pd.closeObject(ctx -> {}, null);
    assertThrows(NdkMisuseException.class, () -> pd.closeObject(ctx -> {}, null));
    Violation v = verifier.violations().get(0);
    assertEquals(3, v.history().size());
    assertThrows(UnsupportedOperationException.class, () -> v.history().clear());
  }

  @Test
  void invariantsAreNumberedOneToThirtyFourWithTheirWording() {
    assertEquals(34, Invariant.values().length);
    assertEquals(Invariant.I07, Invariant.of(7));
    assertTrue(Invariant.of(15).rule().contains("never overlap"));
    assertThrows(IllegalArgumentException.class, () -> Invariant.of(35));
  }
}
