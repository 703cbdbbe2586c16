package org.rnicsim.model.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.fabric.PfcBudget;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.profile.ReferenceProfiles;

/**
 * The one topology builder: back to back it loops one machine's port to itself or cables two
 * machines; on a switch every machine reaches every other through it, one switch latency later, and
 * the switch is lossless with the PFC budget of the machines' ports.
 */
@Timeout(30)
class TestbedTest {
  private final HardwareProfile profile = ReferenceProfiles.connectX4EdrGen3x16();
  private static final long SWITCH_LATENCY_PS = 300 * SimTime.PS_PER_NS;

  private Testbed build(List<String> names, Cabling cabling) {
    return Testbed.builder(new RnicSimulator("testbed"), profile)
        .names(names)
        .cabling(cabling)
        .build();
  }

  /** How long a management datagram takes from machine {@code from} to machine {@code to}. */
  private static long datagramPs(Testbed testbed, int from, int to) {
    Rnic sender = testbed.node(from).rnic();
    Rnic receiver = testbed.node(to).rnic();
    List<Long> arrivalsPs = new ArrayList<>();
    receiver.setManagementReceiver(
        (source, message) -> arrivalsPs.add(testbed.simulator().nowPs()));
    long sentPs = testbed.simulator().nowPs();
    sender.sendManagementDatagram(receiver.address(), "REQ");
    testbed.simulator().runUntil(() -> !arrivalsPs.isEmpty());
    assertEquals(1, arrivalsPs.size(), "the datagram arrives once");
    return arrivalsPs.get(0) - sentPs;
  }

  @Test
  void oneMachineBackToBackHasItsPortLoopedBackToItself() {
    Testbed testbed = build(List.of("solo"), Cabling.backToBack());

    Rnic solo = testbed.node(0).rnic();
    assertSame(solo.port(), solo.port().peer());
    assertTrue(datagramPs(testbed, 0, 0) > 0);
    assertNull(testbed.fabricSwitch());
  }

  @Test
  void twoMachinesBackToBackShareOneCableAndTheirHostsHaveTheProfilesCores() {
    Testbed testbed = build(List.of("a", "b"), Cabling.backToBack());

    assertSame(testbed.node(1).rnic().port(), testbed.node(0).rnic().port().peer());
    assertSame(testbed.cable(0), testbed.cable(1));
    assertEquals(profile.host().cpuCores(), testbed.node(0).host().coreCount());
    assertEquals(
        List.of(1, 2), List.of(testbed.node(0).rnic().address(), testbed.node(1).rnic().address()));
  }

  @Test
  void threeMachinesCannotBeCabledBackToBack() {
    Testbed.Builder builder =
        Testbed.builder(new RnicSimulator("testbed"), profile).names(List.of("a", "b", "c"));
    assertThrows(IllegalArgumentException.class, builder::build);
  }

  @Test
  void onASwitchEveryMachineReachesEveryOtherOneSwitchHopLaterThanOverACable() {
    long directPs = datagramPs(build(List.of("a", "b"), Cabling.backToBack()), 0, 1);
    Testbed switched =
        build(List.of("a", "b", "c"), Cabling.onSwitch(SWITCH_LATENCY_PS, 1024 * 1024));

    long throughSwitchPs = datagramPs(switched, 0, 2);

    assertTrue(
        throughSwitchPs >= directPs + SWITCH_LATENCY_PS,
        "direct " + directPs + " ps, through the switch " + throughSwitchPs + " ps");
    assertTrue(datagramPs(switched, 2, 1) > 0, "and any other pair");
    assertEquals(0, switched.switchDrops());
  }

  @Test
  void theSwitchIsLosslessWithThePfcBudgetOfTheMachinesPorts() {
    Testbed switched =
        build(List.of("a", "b", "c", "d"), Cabling.onSwitch(SWITCH_LATENCY_PS, 1 << 20));

    var config = switched.fabricSwitch().config();
    assertTrue(config.pfc());
    assertEquals(4, config.ports());
    assertEquals(
        PfcBudget.forAdapterPorts(profile.port()).xoffBytes(1 << 20, 4), config.pfcXoffBytes());
    assertEquals(SWITCH_LATENCY_PS, config.forwardingLatencyPs());
  }
}
