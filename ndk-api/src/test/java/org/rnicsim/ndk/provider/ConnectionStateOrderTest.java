package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.model.trace.ModelTraceEvent.PacketSent;
import org.rnicsim.model.trace.ModelTraceEvent.QpStateChanged;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.CmRetries;

/**
 * The QP state transitions run where the InfiniBand CM runs them (IBA vol. 1 ch. 12; Linux ib_cm
 * and rdma_cm): the passive side's QP is RTR before its REP leaves, the active side moves its QP to
 * RTR and RTS when the REP arrives and before its RTU leaves, and the passive side moves to RTS
 * when the RTU arrives. Accept and CompleteConnect still complete only once their own QP is RTS and
 * the peer's at least RTR, so posts run at once (ndkpi-spec 4, connection flow).
 */
class ConnectionStateOrderTest {

  /** One handshake, timed: what left which adapter, and which QP changed state, in order. */
  private static final class Handshake {
    final List<String> events = new ArrayList<>();
    final List<String> madsSent = new ArrayList<>();
    final List<Long> madSentPs = new ArrayList<>();
    long connectPs;
    long connectDonePs;
    long acceptPs;
    long completeConnectPs;
    long completeConnectDonePs;
    long acceptDonePs;
    long connectEventPs;

    Handshake(TwoHosts h) {
      // The QPs' own MODIFY_QP to INIT is done first, so no handshake command queues behind it.
      h.run();
      h.sim
          .trace()
          .addSink(
              event -> {
                if (event instanceof QpStateChanged change
                    && (change.to().equals("RTR") || change.to().equals("RTS"))) {
                  events.add(change.adapter() + " " + change.to());
                } else if (event instanceof PacketSent sent && sent.packet().startsWith("MAD ")) {
                  String host = sent.port().substring(0, sent.port().indexOf('.'));
                  String message = sent.packet().split(" ")[1];
                  events.add(host + " sends " + message);
                  madsSent.add(host + " " + message);
                  madSentPs.add(sent.timePs());
                }
              });
      connectPs = h.sim.nowPs();
      assertEquals(NtStatus.PENDING, h.connect(null));
      h.awaitConnectEvent();
      connectEventPs = h.sim.nowPs();
      acceptPs = h.sim.nowPs();
      assertEquals(NtStatus.PENDING, h.accept(null));
      h.sim.runUntil(() -> h.active.completions.size() == 1);
      connectDonePs = h.sim.nowPs();
      assertEquals(List.of(NtStatus.SUCCESS), h.active.completions);
      completeConnectPs = h.sim.nowPs();
      assertEquals(NtStatus.PENDING, h.completeConnect());
      h.sim.runUntil(() -> h.active.completions.size() == 2);
      completeConnectDonePs = h.sim.nowPs();
      h.sim.runUntil(() -> h.passive.completions.size() == 1);
      acceptDonePs = h.sim.nowPs();
      assertEquals(List.of(NtStatus.SUCCESS, NtStatus.SUCCESS), h.active.completions);
      assertEquals(List.of(NtStatus.SUCCESS), h.passive.completions);
    }

    int at(String event) {
      int index = events.indexOf(event);
      assertTrue(index >= 0, event + " never happened: " + events);
      return index;
    }
  }

  @Test
  void thePassiveQpIsRtrBeforeItsRepLeaves_andTheActiveQpIsRtsBeforeItsRtuLeaves() {
    Handshake run = new Handshake(new TwoHosts());
    assertEquals(List.of("nicA REQ", "nicB REP", "nicA RTU"), run.madsSent);
    assertTrue(run.at("nicB RTR") < run.at("nicB sends REP"), run.events.toString());
    assertTrue(run.at("nicB sends REP") < run.at("nicA RTR"), "the REP starts the active side");
    assertTrue(run.at("nicA RTR") < run.at("nicA RTS"), run.events.toString());
    assertTrue(run.at("nicA RTS") < run.at("nicA sends RTU"), run.events.toString());
    assertTrue(run.at("nicA sends RTU") < run.at("nicB RTS"), "the RTU moves the passive QP");
  }

  @Test
  void completeConnectWaitsForNoFirmwareCommand_andAcceptForOneMoreAfterTheRtu() {
    TwoHosts h = new TwoHosts();
    Handshake run = new Handshake(h);
    long modifyPs = ConnectionReadinessTest.modifyQpFloorPs();
    long messagePs = h.minimumMessagePs();
    long completePs = run.completeConnectDonePs - run.completeConnectPs;
    assertTrue(completePs < modifyPs, "CompleteConnect took " + completePs + " ps");
    long acceptAfterCompletePs = run.acceptDonePs - run.completeConnectPs;
    assertTrue(
        acceptAfterCompletePs >= messagePs + modifyPs,
        "the RTU, then the passive QP's RTS: " + acceptAfterCompletePs + " ps");
    // The old order ran RTR and RTS on both adapters after the RTU: two MODIFY_QPs at least.
    assertTrue(
        acceptAfterCompletePs < 2 * modifyPs,
        "one MODIFY_QP after the RTU, not two: " + acceptAfterCompletePs + " ps");
    long acceptToConnectDonePs = run.connectDonePs - run.acceptPs;
    assertTrue(
        acceptToConnectDonePs >= 3 * modifyPs + messagePs,
        "passive RTR, the REP, active RTR and RTS: " + acceptToConnectDonePs + " ps");
  }

  @Test
  void aConnectionThroughTheSwitchTakesTheSameMessagesAndEachMessageTheSwitchLatencyLonger() {
    Handshake direct = new Handshake(new TwoHosts());
    Handshake switched =
        new Handshake(new TwoHosts(CmRetries.assumedDefault(), List.of("nicA", "nicB", "nicC")));
    List<String> forwarded = new ArrayList<>();
    for (String sent : direct.madsSent) {
      forwarded.add(sent);
      forwarded.add("switch " + sent.split(" ")[1]);
    }
    assertEquals(forwarded, switched.madsSent, "each message crosses the switch once");
    long requestExtraPs =
        (switched.connectEventPs - switched.connectPs) - (direct.connectEventPs - direct.connectPs);
    long replyExtraPs =
        (switched.connectDonePs - switched.acceptPs) - (direct.connectDonePs - direct.acceptPs);
    long readyToUseExtraPs =
        (switched.acceptDonePs - switched.completeConnectPs)
            - (direct.acceptDonePs - direct.completeConnectPs);
    assertTrue(requestExtraPs > 0, "the REQ crossed the switch: +" + requestExtraPs + " ps");
    assertEquals(requestExtraPs, replyExtraPs, "the REP the other way, through the same switch");
    assertEquals(requestExtraPs, readyToUseExtraPs, "the RTU");
    long totalExtraPs =
        (switched.acceptDonePs - switched.connectPs) - (direct.acceptDonePs - direct.connectPs);
    assertEquals(3 * requestExtraPs, totalExtraPs, "three messages, each through the switch once");
  }
}
