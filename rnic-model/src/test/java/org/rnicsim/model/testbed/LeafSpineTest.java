package org.rnicsim.model.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.model.fabric.Ecmp;
import org.rnicsim.model.fabric.FabricSwitch;
import org.rnicsim.model.fabric.PortStatistics;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * The leaf-spine cabling: machines dealt round the leaves, paths through the spines chosen per QP
 * by ECMP (one QP keeps one path, distinct QPs spread), and per-port counters that show where the
 * traffic went.
 */
class LeafSpineTest {
  private static final HardwareProfile PROFILE = TestProfiles.small();
  private static final long EDR_BITS_PER_SECOND = PROFILE.port().rateBitsPerSecond();

  /** Two leaves and two spines, one host per leaf: machine 0 on leaf0, machine 1 on leaf1. */
  private static LeafSpineRig twoByTwo() {
    LeafSpine shape = new LeafSpine(2, 2, 1, EDR_BITS_PER_SECOND, 500_000, true);
    return new LeafSpineRig(PROFILE, shape, 1 << 20, 2);
  }

  /** Packets spine s sent down to leaf 1, where machine 1 is. */
  private static long towardLeaf1(LeafSpineRig rig, int spine) {
    FabricSwitch spineSwitch = rig.testbed.switches().get(2 + spine);
    return spineSwitch.portStatistics().get(1).txPackets();
  }

  @Test
  void oneQpTakesOneSpineAndItsWritesArriveInOrder() {
    LeafSpineRig rig = twoByTwo();
    LeafSpineRig.Stream stream = rig.stream(0, 1, 16 * 1024, 40, 16);
    rig.runAll(50);

    assertEquals(40, stream.writer.completed(), "every WRITE completed");
    assertEquals(40, stream.landed, "every WRITE landed once");
    long viaSpine0 = towardLeaf1(rig, 0);
    long viaSpine1 = towardLeaf1(rig, 1);
    assertTrue(
        (viaSpine0 == 0) != (viaSpine1 == 0),
        "the QP's data went through exactly one spine: " + viaSpine0 + " and " + viaSpine1);
    // 16 KiB in 4 KiB MTUs: at least 4 packets a WRITE; no retransmission means no reordering.
    assertEquals(160, viaSpine0 + viaSpine1, "each packet crossed once, none resent");
  }

  @Test
  void distinctQpsSpreadOverBothSpines() {
    LeafSpineRig rig = twoByTwo();
    for (int i = 0; i < 16; i++) {
      rig.stream(0, 1, 4096, 10, 4);
    }
    rig.runAll(50);

    long viaSpine0 = towardLeaf1(rig, 0);
    long viaSpine1 = towardLeaf1(rig, 1);
    assertEquals(160, viaSpine0 + viaSpine1);
    assertTrue(
        viaSpine0 >= 40 && viaSpine1 >= 40,
        "16 QPs share the spines: " + viaSpine0 + " and " + viaSpine1 + " packets");
  }

  @Test
  void theHashIsAFunctionOfTheFlowAndSpreadsQpns() {
    int[] perPath = new int[2];
    for (int qpn = 100; qpn < 164; qpn++) {
      int path = Ecmp.path(1, 2, qpn, 2);
      assertEquals(path, Ecmp.path(1, 2, qpn, 2), "same flow, same path");
      perPath[path]++;
    }
    assertTrue(
        perPath[0] >= 20 && perPath[1] >= 20,
        "64 QPNs over 2 paths: " + List.of(perPath[0], perPath[1]));
  }

  @Test
  void machinesAreDealtRoundTheLeavesAndStayOnTheirLeafWhenTheyCan() {
    LeafSpine shape = new LeafSpine(2, 2, 2, EDR_BITS_PER_SECOND, 500_000, true);
    LeafSpineRig rig = new LeafSpineRig(PROFILE, shape, 1 << 20, 4);
    assertEquals(List.of(0, 1, 0, 1), List.of(0, 1, 2, 3).stream().map(shape::leafOf).toList());
    // Machines 0 and 2 share leaf0: their traffic never reaches a spine.
    rig.stream(0, 2, 4096, 10, 4);
    rig.runAll(50);
    long spinePackets = 0;
    for (FabricSwitch spine : rig.testbed.switches().subList(2, 4)) {
      spinePackets += spine.portStatistics().stream().mapToLong(PortStatistics::txPackets).sum();
    }
    assertEquals(0, spinePackets, "a leaf switches its own hosts' traffic");
    assertEquals(
        "leaf0.out0", rig.testbed.switches().get(0).portStatistics().get(0).port(), "port names");
  }

  @Test
  void aLeafSpineRefusesMoreMachinesThanItsLeavesHavePorts() {
    LeafSpine shape = new LeafSpine(2, 1, 1, EDR_BITS_PER_SECOND, 500_000, true);
    assertThrows(
        IllegalArgumentException.class, () -> new LeafSpineRig(PROFILE, shape, 1 << 20, 3));
  }

  @Test
  void uplinksSlowerThanTheHostsOversubscribeTheLeaves() {
    LeafSpine shape = new LeafSpine(2, 2, 4, 100_000_000_000L, 500_000, true);
    assertEquals(2.0, shape.oversubscription(100_000_000_000L), 1e-12);
  }
}
