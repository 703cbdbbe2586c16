package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.interrupt.CqArmType;
import org.rnicsim.model.adapter.interrupt.CqEventSource;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.model.testbed.TestProfiles;

/** The datapath, the firmware command queue and the interrupt path working as one adapter. */
class AdapterNodeTest {
  private static final long CREATE_CQ_PS = 40 * SimTime.PS_PER_US;
  private static final InterruptCosts COSTS =
      new InterruptCosts(1 * SimTime.PS_PER_US, SimTime.PS_PER_US / 2);

  private final RnicSimulator sim = new RnicSimulator("node");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);

  private AdapterNode node(FirmwareConfig firmware) {
    HostCpu host = new HostCpu(sim, "host0", 2, stats);
    return new AdapterNode(
        sim,
        "nic0",
        1,
        TestProfiles.small(),
        host,
        firmware,
        COSTS,
        new RandomStreams(1, 0),
        stats);
  }

  private static FirmwareConfig fixedCreateCq() {
    return ReferenceProfiles.connectX4EdrGen3x16()
        .firmware()
        .config()
        .withLatency(FirmwareCommandKind.CREATE_CQ, new CommandLatency.Fixed(CREATE_CQ_PS));
  }

  @Test
  void aCreatedCqArrivesAfterTheFirmwareLatencyAndTheInterruptPath() {
    AdapterNode node = node(fixedCreateCq());
    long[] createdAt = {-1};
    node.rnic().createCq(64, null, cq -> createdAt[0] = sim.nowPs());
    sim.runToEnd();
    // The completion is dispatched from the DPC, which starts when the ISR returns.
    long floorPs = CREATE_CQ_PS + COSTS.isrCostPs();
    assertTrue(createdAt[0] >= floorPs, "created at " + SimTime.format(createdAt[0]));
    assertTrue(
        createdAt[0] < floorPs + 2 * SimTime.PS_PER_US,
        "EQE and MSI-X cross PCIe in well under 2 us: " + SimTime.format(createdAt[0]));
  }

  @Test
  void aHungFirmwareCommandFailsTheControlCallAtTheDriverTimeoutNeverSilently() {
    long timeoutPs = SimTime.PS_PER_MS;
    AdapterNode node = node(fixedCreateCq().withDriverTimeoutPs(timeoutPs));
    node.firmware().injectHangAt(0);
    List<String> failures = new ArrayList<>();
    long[] failedAt = {-1};
    node.rnic()
        .createCq(
            64,
            null,
            cq -> failures.add("created?"),
            message -> {
              failures.add(message);
              failedAt[0] = sim.nowPs();
            });
    sim.runToEnd();
    assertEquals(1, failures.size(), failures.toString());
    assertTrue(failures.get(0).contains("TIMED_OUT"), failures.get(0));
    assertTrue(failedAt[0] >= timeoutPs, SimTime.format(failedAt[0]));
  }

  @Test
  void aCqeOnAnArmedCqRunsTheHandlerInADpcAndAnUnarmedCqStaysQuiet() {
    AdapterNode node = node(fixedCreateCq());
    CompletionQueue[] cq = new CompletionQueue[1];
    node.rnic().createCq(64, null, created -> cq[0] = created);
    sim.runToEnd();
    assertNotNull(cq[0]);
    EventQueue eq = node.createEventQueue(1);
    List<Long> events = new ArrayList<>();
    CqEventSource source = node.connectToEventQueue(cq[0], eq, cqId -> events.add(sim.nowPs()));

    long start = sim.nowPs();
    cq[0].append(1, 7, WorkOpcode.RDMA_WRITE, CompletionStatus.SUCCESS, 64, start + 1_000);
    sim.runToEnd();
    assertEquals(List.of(), events, "not armed: no interrupt");

    source.arm(CqArmType.NEXT);
    long landPs = sim.nowPs() + 1_000;
    cq[0].append(2, 7, WorkOpcode.RDMA_WRITE, CompletionStatus.SUCCESS, 64, landPs);
    sim.runToEnd();
    assertEquals(1, events.size(), "armed: exactly one event");
    assertTrue(
        events.get(0) >= landPs + COSTS.isrCostPs(),
        "the handler runs in the DPC, after the ISR: " + SimTime.format(events.get(0) - landPs));
  }

  @Test
  void surpriseRemovalFailsLaterControlCommands() {
    AdapterNode node = node(fixedCreateCq());
    node.surpriseRemove();
    List<String> failures = new ArrayList<>();
    node.rnic().createCq(64, null, cq -> failures.add("created?"), failures::add);
    sim.runToEnd();
    assertEquals(1, failures.size());
    assertTrue(node.interrupts().isDeviceRemoved());
  }

  @Test
  void surpriseRemovalTellsEachListenerOnceAfterTheHardwareIsGone() {
    AdapterNode node = node(fixedCreateCq());
    List<String> heard = new ArrayList<>();
    node.addRemovalListener(() -> heard.add("first, removed=" + node.rnic().isRemoved()));
    node.addRemovalListener(() -> heard.add("second"));
    node.surpriseRemove();
    node.surpriseRemove(); // a removed adapter cannot be removed again
    assertEquals(List.of("first, removed=true", "second"), heard);
    assertTrue(node.isRemoved());
  }
}
