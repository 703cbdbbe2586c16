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
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;

/** The trace tells a pending create's whole path, in order, on simulated time. */
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

  private static String line(TraceEvent e) {
    return String.format(
        java.util.Locale.ROOT,
        "%.3f us %s",
        e.timePs() / (double) SimTime.PS_PER_US,
        e.getClass().getSimpleName());
  }
}
