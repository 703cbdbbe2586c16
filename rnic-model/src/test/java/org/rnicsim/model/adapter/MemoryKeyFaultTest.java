package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * An access with a memory key the adapter holds no region for is refused as RC hardware refuses it:
 * the responder's MPT lookup finds no entry (or a range outside it) and answers a remote access
 * error NAK, the requester completes that WQE with REMOTE_ACCESS_ERROR, both QPs go to ERROR and
 * the later WQEs are flushed; a bad lkey is the requester adapter's own LOCAL_PROTECTION_ERROR.
 * Nothing lands in the responder's memory either way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryKeyFaultTest {
  private static final long LOCAL = 0x100_0000;
  private static final long REMOTE = 0x200_0000;
  private static final long REGION_BYTES = 256 * 1024;
  private static final long BYTES = 4096;
  private static final long LONG_BYTES = 128 * 1024; // many packets at any MTU
  private static final int NEVER_REGISTERED = 0x7777;
  private static final String TOWARDS_ADAPTER = ".pcie.hostToDevice.wireBytes";

  private static final class Rig {
    final BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 1);
    final ConnectedPair pair = testbed.connectPair(16, 64);
    final Rnic requester = pair.a().nic();
    final Rnic responder = pair.b().nic();
    final int localKey;
    final int remoteKey;
    int writesLanded;

    Rig() {
      int[] keys = new int[2];
      requester.memory().register(LOCAL, REGION_BYTES, key -> keys[0] = key, this::fail);
      responder.memory().register(REMOTE, REGION_BYTES, key -> keys[1] = key, this::fail);
      testbed.simulator().runToEnd();
      localKey = keys[0];
      remoteKey = keys[1];
      responder.setWriteLandedListener(qp -> writesLanded++);
    }

    private void fail(String message) {
      throw new AssertionError(message);
    }

    SendWorkRequest request(long wrId, WorkOpcode opcode, int lkey, int rkey, long remote) {
      return new SendWorkRequest(wrId, opcode, LOCAL, BYTES, remote, true, false, lkey, rkey);
    }

    SendWorkRequest longWrite(long wrId, int rkey) {
      return new SendWorkRequest(
          wrId, WorkOpcode.RDMA_WRITE, LOCAL, LONG_BYTES, REMOTE, true, false, localKey, rkey);
    }

    SendWorkRequest write(long wrId, int rkey) {
      return request(wrId, WorkOpcode.RDMA_WRITE, localKey, rkey, REMOTE);
    }

    /** Posts {@code requests} behind one doorbell and runs until everything settled. */
    List<Completion> run(SendWorkRequest... requests) {
      for (SendWorkRequest request : requests) {
        assertTrue(requester.postSend(pair.a().qp(), request), "posted");
      }
      requester.ringSendDoorbell(pair.a().qp());
      testbed.simulator().runToEnd();
      List<Completion> out = new ArrayList<>();
      requester.pollCq(pair.a().sendCq(), 64, out);
      return out;
    }

    void deregisterRemote() {
      boolean[] done = {false};
      responder.memory().deregister(remoteKey, REMOTE, REGION_BYTES, () -> done[0] = true);
      testbed.simulator().runToEnd();
      assertTrue(done[0], "DEREGISTER_MR completed");
    }

    long responderCounter(String name) {
      return testbed.stats().counter(responder.name() + name).count();
    }
  }

  private static List<CompletionStatus> statuses(List<Completion> completions) {
    return completions.stream().map(Completion::status).toList();
  }

  @Test
  void aWriteToADeregisteredKeyIsRefusedItsQpGoesToErrorAndTheWritesBehindItAreFlushed() {
    Rig rig = new Rig();
    assertEquals(List.of(CompletionStatus.SUCCESS), statuses(rig.run(rig.write(1, rig.remoteKey))));
    assertEquals(1, rig.writesLanded, "a WRITE with a registered key lands");

    rig.deregisterRemote();
    List<Completion> done =
        rig.run(
            rig.write(2, rig.remoteKey), rig.write(3, rig.remoteKey), rig.write(4, rig.remoteKey));

    assertEquals(List.of(2L, 3L, 4L), done.stream().map(Completion::wrId).toList());
    assertEquals(
        List.of(
            CompletionStatus.REMOTE_ACCESS_ERROR,
            CompletionStatus.FLUSH_ERROR,
            CompletionStatus.FLUSH_ERROR),
        statuses(done));
    assertEquals(1, rig.writesLanded, "nothing more landed in the responder's memory");
    assertEquals(QpState.ERROR, rig.pair.a().qp().state(), "the requester's QP");
    assertEquals(QpState.ERROR, rig.pair.b().qp().state(), "the responder's QP");
    assertEquals(CompletionStatus.REMOTE_ACCESS_ERROR, rig.pair.a().qp().errorCause());

    // The QP stays in ERROR: what is posted now completes flushed at once.
    assertEquals(
        List.of(CompletionStatus.FLUSH_ERROR), statuses(rig.run(rig.write(5, rig.remoteKey))));
  }

  @Test
  void aReadWithAKeyNeverRegisteredIsRefusedAfterTheResponderReadTheMptAndReadsNoMemory() {
    Rig valid = new Rig();
    Rig invalid = new Rig();
    long validBytes = valid.responderCounter(TOWARDS_ADAPTER);
    long invalidBytes = invalid.responderCounter(TOWARDS_ADAPTER);
    long mptMisses = invalid.responderCounter(".mptCache.misses");

    List<Completion> good =
        valid.run(valid.request(1, WorkOpcode.RDMA_READ, valid.localKey, valid.remoteKey, REMOTE));
    List<Completion> refused =
        invalid.run(
            invalid.request(1, WorkOpcode.RDMA_READ, invalid.localKey, NEVER_REGISTERED, REMOTE));

    assertEquals(List.of(CompletionStatus.SUCCESS), statuses(good));
    assertEquals(List.of(CompletionStatus.REMOTE_ACCESS_ERROR), statuses(refused));
    // The adapter knows the key is invalid only once it looked it up: an MPT miss and the read of
    // the entry over PCIe, but none of the 4 KiB the READ asked for.
    assertEquals(1, invalid.responderCounter(".mptCache.misses") - mptMisses, "the MPT lookup");
    long readForValid = valid.responderCounter(TOWARDS_ADAPTER) - validBytes;
    long readForInvalid = invalid.responderCounter(TOWARDS_ADAPTER) - invalidBytes;
    assertTrue(readForValid > BYTES, "the valid READ's data crossed PCIe: " + readForValid);
    assertTrue(
        readForInvalid > 0 && readForInvalid < BYTES / 4,
        "entries only, no data, for the refused READ: " + readForInvalid);
  }

  @Test
  void anAccessPastTheEndOfTheRegionIsRefusedWithARegisteredKey() {
    Rig rig = new Rig();
    long pastTheEnd = REMOTE + REGION_BYTES - BYTES / 2;
    List<Completion> done =
        rig.run(
            rig.request(1, WorkOpcode.RDMA_WRITE, rig.localKey, rig.remoteKey, pastTheEnd),
            rig.request(2, WorkOpcode.RDMA_READ, rig.localKey, rig.remoteKey, REMOTE));

    assertEquals(
        List.of(CompletionStatus.REMOTE_ACCESS_ERROR, CompletionStatus.FLUSH_ERROR),
        statuses(done));
    assertEquals(0, rig.writesLanded, "not even the part inside the region");

    // A message of many packets whose first packets lie inside: the RETH's range decides.
    Rig longRig = new Rig();
    long placed = longRig.responderCounter(".dma.writes");
    long longPastTheEnd = REMOTE + REGION_BYTES - LONG_BYTES / 2;
    List<Completion> longDone =
        longRig.run(
            new SendWorkRequest(
                1,
                WorkOpcode.RDMA_WRITE,
                LOCAL,
                LONG_BYTES,
                longPastTheEnd,
                true,
                false,
                longRig.localKey,
                longRig.remoteKey));
    assertEquals(List.of(CompletionStatus.REMOTE_ACCESS_ERROR), statuses(longDone));
    assertEquals(placed, longRig.responderCounter(".dma.writes"), "not one packet placed");
  }

  @Test
  void aLongWriteRefusedAtItsFirstPacketStopsSendingAndFailsAtOnceWithoutRetries() {
    Rig rig = new Rig();
    rig.deregisterRemote();
    long startPs = rig.testbed.simulator().nowPs();
    List<Completion> done = rig.run(rig.longWrite(1, rig.remoteKey), rig.write(2, rig.remoteKey));
    assertEquals(
        List.of(CompletionStatus.REMOTE_ACCESS_ERROR, CompletionStatus.FLUSH_ERROR),
        statuses(done));
    assertEquals(0, rig.writesLanded);
    // Refused by the NAK, not by the retransmission timer running out.
    long refusedAfterPs = done.get(0).landedPs() - startPs;
    long timeoutPs = rig.testbed.profile().adapter().retransmitTimeoutPs();
    assertTrue(refusedAfterPs < timeoutPs, refusedAfterPs + " ps, timeout " + timeoutPs);
  }

  @Test
  void aBadLkeyIsTheRequestersOwnLocalProtectionErrorAndTheResponderNeverHearsOfIt() {
    Rig rig = new Rig();
    List<Completion> done =
        rig.run(
            rig.request(1, WorkOpcode.RDMA_WRITE, NEVER_REGISTERED, rig.remoteKey, REMOTE),
            rig.write(2, rig.remoteKey));

    assertEquals(
        List.of(CompletionStatus.LOCAL_PROTECTION_ERROR, CompletionStatus.FLUSH_ERROR),
        statuses(done));
    assertEquals(0, rig.writesLanded);
    assertEquals(QpState.ERROR, rig.pair.a().qp().state());
    assertEquals(QpState.RTS, rig.pair.b().qp().state(), "no packet reached the responder");
  }

  @Test
  void aReadIntoABadLkeyIsALocalProtectionError() {
    Rig rig = new Rig();
    List<Completion> done =
        rig.run(rig.request(1, WorkOpcode.RDMA_READ, NEVER_REGISTERED, rig.remoteKey, REMOTE));
    assertEquals(List.of(CompletionStatus.LOCAL_PROTECTION_ERROR), statuses(done));
  }
}
