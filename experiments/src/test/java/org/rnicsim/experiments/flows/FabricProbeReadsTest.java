package org.rnicsim.experiments.flows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A flows job observes what its report reads and nothing else of the machines. */
class FabricProbeReadsTest {
  @Test
  void theFiguresAFlowsJobReportsAreObserved() {
    assertTrue(FabricProbe.reads("host0.port->leaf0.out0.delivered"), "packet-hops");
    assertTrue(FabricProbe.reads("host12.rxBuffer.pauses"), "adapter PFC pauses");
    assertTrue(FabricProbe.reads("host3.dcqcn.cnpsSent"), "CNPs");
    assertTrue(FabricProbe.reads("leaf1.out4.queueBytes"), "switch output queues");
    assertTrue(FabricProbe.reads("spine0.in2.pauses"), "switch PFC pauses");
    assertTrue(FabricProbe.reads("leaf0.out1.ecnMarks"), "ECN marks");
  }

  @Test
  void theMachinesOtherStatisticsAreNot() {
    assertFalse(FabricProbe.reads("host0.rxBuffer.usedBytes"));
    assertFalse(FabricProbe.reads("host7.rxBuffer"));
    assertFalse(FabricProbe.reads("host31.latency.write.totalPs"));
    assertFalse(FabricProbe.reads("host2.port.queueBytes"));
  }
}
