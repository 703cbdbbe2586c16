package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.stats.StatisticsSummary;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.CacheReplacement;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

class TransportMechanismsTest {
  private final BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 1);
  private final ConnectedPair pair = testbed.connectPair(64, 256);
  private final Rnic requester = pair.a().nic();
  private final Rnic responder = pair.b().nic();

  private long counter(String name) {
    return testbed.stats().summarize().counter(name).count();
  }

  private List<Completion> drain(org.rnicsim.model.adapter.completion.CompletionQueue cq) {
    List<Completion> out = new ArrayList<>();
    cq.poll(Integer.MAX_VALUE, out);
    return out;
  }

  private void post(SendWorkRequest request) {
    assertTrue(requester.postSend(pair.a().qp(), request));
    requester.ringSendDoorbell(pair.a().qp());
  }

  @Test
  void anInlineSendPushedWithTheDoorbellCostsTheRequesterNoDmaRead() {
    responder.postReceive(pair.b().qp(), 1, 0x1000, 4096);
    responder.ringReceiveDoorbell(pair.b().qp());
    testbed.simulator().runToEnd();
    long readsBefore = counter("nic0.dma.reads");
    post(SendWorkRequest.send(7, 0x2000, 32).withInline(true));
    testbed.simulator().runToEnd();
    assertEquals(readsBefore, counter("nic0.dma.reads"));
    assertEquals(List.of(7L), drain(pair.a().sendCq()).stream().map(Completion::wrId).toList());
    Completion received = drain(pair.b().receiveCq()).get(0);
    assertEquals(32, received.byteLength());
    assertEquals(WorkOpcode.RECEIVE, received.opcode());
  }

  @Test
  void aSinglePostedWriteComesWithItsDoorbellAndReadsItsPayloadIn4KibUnits() {
    long readsBefore = counter("nic0.dma.reads");
    post(SendWorkRequest.write(9, 0x10_0000, 10_000, 0x20_0000));
    testbed.simulator().runToEnd();
    // BlueFlame (one WQE per post, mlx5): no WQE read; ceil(10000 / 4096) = 3 payload reads; the
    // first translation of each page missed.
    long translationMisses = counter("nic0.translationCache.misses");
    assertEquals(3 + translationMisses, counter("nic0.dma.reads") - readsBefore);
    assertEquals(3, counter("nic1.rx.packets") - 0);
    assertTrue(drain(pair.a().sendCq()).get(0).isSuccess());
  }

  @Test
  void aReadReturnsOneResponsePerMtuAndCompletesWithItsLength() {
    post(SendWorkRequest.read(11, 0x10_0000, 10_000, 0x20_0000));
    testbed.simulator().runToEnd();
    Completion done = drain(pair.a().sendCq()).get(0);
    assertEquals(CompletionStatus.SUCCESS, done.status());
    assertEquals(WorkOpcode.RDMA_READ, done.opcode());
    assertEquals(10_000, done.byteLength());
    assertEquals(3, counter("nic0.rx.packets"), "three READ responses");
  }

  @Test
  void aSendWithNoReceivePostedWaitsOutReceiverNotReadyAndSucceedsOnceOneIsPosted() {
    post(SendWorkRequest.send(13, 0x2000, 100));
    testbed
        .simulator()
        .schedule(
            25 * SimTime.PS_PER_US,
            () -> {
              responder.postReceive(pair.b().qp(), 2, 0x1000, 4096);
              responder.ringReceiveDoorbell(pair.b().qp());
            });
    long startPs = testbed.simulator().nowPs();
    testbed.simulator().runToEnd();
    Completion sent = drain(pair.a().sendCq()).get(0);
    assertTrue(sent.isSuccess());
    assertTrue(sent.landedPs() - startPs > 25 * SimTime.PS_PER_US, "it waited for the receive");
    assertEquals(1, drain(pair.b().receiveCq()).size());
  }

  @Test
  void onlyAnRtsQpTakesSendsAndErrorFlushesPostedReceives() {
    responder.postReceive(pair.b().qp(), 21, 0x1000, 4096);
    responder.postReceive(pair.b().qp(), 22, 0x1000, 4096);
    responder.ringReceiveDoorbell(pair.b().qp());
    testbed.simulator().runToEnd();
    boolean[] done = {false};
    responder.modifyQp(pair.b().qp(), QpState.ERROR, () -> done[0] = true);
    testbed.simulator().runToEnd();
    assertTrue(done[0]);
    List<Completion> flushed = drain(pair.b().receiveCq());
    assertEquals(List.of(21L, 22L), flushed.stream().map(Completion::wrId).toList());
    assertTrue(flushed.stream().allMatch(c -> c.status() == CompletionStatus.FLUSH_ERROR));
    responder.modifyQp(pair.b().qp(), QpState.RESET, () -> {});
    testbed.simulator().runToEnd();
    assertFalse(responder.postSend(pair.b().qp(), SendWorkRequest.send(1, 0, 8)));
  }

  @Test
  void aQpContextMissCostsADmaReadBeforeTheDoorbellIsHandled() {
    HardwareProfile tiny = TestProfiles.small();
    tiny =
        tiny.withAdapter(
            tiny.adapter()
                .withQpContextCache(new CacheProfile(1, 1, 256, 10_000, 1, CacheReplacement.LRU)));
    BackToBackTestbed small = new BackToBackTestbed(tiny, 1);
    ConnectedPair first = small.connectPair(16, 64);
    ConnectedPair second = small.connectPair(16, 64);
    // The second pair's modify to RTS loaded its context; the first's is evicted.
    small.stats().resetAll();
    assertTrue(
        first.a().nic().postSend(first.a().qp(), SendWorkRequest.write(1, 0x1000, 8, 0x1000)));
    first.a().nic().ringSendDoorbell(first.a().qp());
    small.simulator().runToEnd();
    StatisticsSummary summary = small.stats().summarize();
    double contextPs = summary.histogram("nic0.latency.write.contextReadyPs").meanPs();
    long readPs = first.a().nic().pcie().idleReadLatencyPs(256);
    assertTrue(contextPs >= readPs, "context stage " + contextPs + " ps, a read " + readPs + " ps");
    assertTrue(summary.counter("nic0.qpContextCache.misses").count() >= 1);
    assertTrue(second.a().qp().state() == QpState.RTS);
  }

  @Test
  void deregisteringMemoryDropsItsTranslationsSoTheNextAccessMisses() {
    int[] key = {0};
    requester.memory().register(0x10_0000, 8192, k -> key[0] = k, message -> {});
    testbed.simulator().runToEnd();
    assertTrue(key[0] > 0);
    post(SendWorkRequest.write(1, 0x10_0000, 64, 0x20_0000));
    testbed.simulator().runToEnd();
    long missesBefore = counter("nic0.translationCache.misses");
    post(SendWorkRequest.write(2, 0x10_0000, 64, 0x20_0000));
    testbed.simulator().runToEnd();
    assertEquals(missesBefore, counter("nic0.translationCache.misses"), "cached");
    requester.memory().deregister(key[0], 0x10_0000, 8192, () -> {});
    testbed.simulator().runToEnd();
    post(SendWorkRequest.write(3, 0x10_0000, 64, 0x20_0000));
    testbed.simulator().runToEnd();
    assertEquals(missesBefore + 1, counter("nic0.translationCache.misses"), "fetched again");
  }
}
