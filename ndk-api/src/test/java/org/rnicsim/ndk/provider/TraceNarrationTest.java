package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.engine.trace.TraceEvent;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;

/**
 * The trace tells a pending create's whole path, in order, on simulated time, and each close and
 * pending request with its status.
 */
class TraceNarrationTest {

  @Test
  void aPendingCreateIsNarratedFromCommandToCallbackReturn() {
    RnicSimulator sim = new RnicSimulator("narration");
    ProviderRig rig = new ProviderRig(sim, b -> {});
    RecordingSink sink = new RecordingSink();
    sim.trace().addSink(sink);
    rig.startCreate(cb -> rig.adapter.createCq(16, null, null, null, cb, null));
    rig.run();
    List<String> story =
        sink.events().stream()
            .filter(
                e ->
                    e instanceof ProviderTraceEvent
                        || e instanceof FirmwareTraceEvent
                        || e instanceof InterruptTraceEvent)
            .map(TraceNarrationTest::line)
            .toList();
    assertEquals(
        List.of(
            "0.000 us CreatePending",
            "0.000 us CommandSubmitted",
            "0.000 us CommandIssued",
            "30.000 us CommandExecuted",
            "30.000 us MsiXSent",
            // the MSI-X crosses the adapter's PCIe link (125 ns flight + serialisation)
            "30.133 us IsrStarted",
            "31.133 us CommandCompleted",
            "31.133 us DpcDrained",
            "31.933 us CallbackStarted",
            "32.433 us CallbackReturned"),
        story);
  }

  @Test
  void closesAndPendingRequestsAreNarratedWithTheirStatus() {
    RnicSimulator sim = new RnicSimulator("narration");
    ProviderRig rig = new ProviderRig(sim, b -> {});
    NdkPd empty = rig.pd();
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq(8);
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    String emptyName = rig.own(empty).toString();
    String mrName = rig.own(mr).toString();
    String pdName = rig.own(pd).toString();
    String cqName = rig.own(cq).toString();
    RecordingSink sink = new RecordingSink();
    sim.trace().addSink(sink);
    mr.registerMr(Mdl.of(0x100000, 4096), 4096, 0, (ctx, s) -> {}, null);
    rig.run();
    rig.close(empty);
    rig.close(mr);
    rig.close(pd);
    rig.close(cq);
    rig.run();
    List<String> story =
        sink.events().stream()
            .filter(
                e ->
                    e instanceof ProviderTraceEvent.RequestPending
                        || e instanceof ProviderTraceEvent.CloseIssued
                        || e instanceof ProviderTraceEvent.Closed)
            .map(e -> e.toString().replaceAll("timePs=\\d+, ", ""))
            .toList();
    assertEquals(
        List.of(
            "RequestPending[subject=" + mrName + ", operation=RegisterMr]",
            "CloseIssued[subject=" + emptyName + ", status=STATUS_SUCCESS]",
            "Closed[subject=" + emptyName + "]",
            "CloseIssued[subject=" + mrName + ", status=STATUS_PENDING]",
            "CloseIssued[subject=" + pdName + ", status=STATUS_PENDING]",
            "CloseIssued[subject=" + cqName + ", status=STATUS_PENDING]",
            // The PD closes once the MR's close callback returned, before the firmware queue
            // reaches the CQ's destroy command.
            "Closed[subject=" + mrName + "]",
            "Closed[subject=" + pdName + "]",
            "Closed[subject=" + cqName + "]"),
        story);
  }

  private static String line(TraceEvent e) {
    return String.format(
        java.util.Locale.ROOT,
        "%.3f us %s",
        e.timePs() / (double) SimTime.PS_PER_US,
        e.getClass().getSimpleName());
  }
}
