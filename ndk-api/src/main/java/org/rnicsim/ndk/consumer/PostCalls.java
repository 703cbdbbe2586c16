package org.rnicsim.ndk.consumer;

import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;

/**
 * The scripted consumer's posts (ndkpi-spec 5, 6): Receive, Send and Write, one timeline line each,
 * with the doorbells they ring and, for a chain of posts, what the chain cost the consumer's thread
 * (the time DEFER saves, invariants 21 and 22).
 */
final class PostCalls {
  /** Where posted buffers live; nothing checks them (the loopback datapath moves no data). */
  private static final long BUFFER_ADDRESS = 0x1000_0000L;

  /**
   * A script registers no MR at the peer, so its WRITEs name no remote token: the adapter then
   * guards the access with its reserved key (docs/calibration-qp-scaling.md). A made-up token would
   * name no MPT entry and miss on every WRITE.
   */
  private static final int NO_REMOTE_TOKEN = 0;

  private final ConsumerRun run;

  PostCalls(ConsumerRun run) {
    this.run = run;
  }

  /**
   * {@code s.count()} posts, back to back. A post that rings a doorbell keeps the consumer's thread
   * busy for the policy's post cost (the WQE write and the MMIO doorbell) before the next step,
   * except inside a callback, whose time is modelled as a whole.
   */
  void post(Step.Post s, String where, Runnable consumerBusy) {
    NdkQp qp = run.objects.object(s.qp(), NdkQp.class, where);
    ConsumerObjects.Named named = run.objects.get(s.qp(), where);
    long startPs = run.now();
    int doorbells = 0;
    for (int k = 1; k <= s.count(); k++) {
      int flags = s.flags();
      if (k == s.count() && !s.deferLast()) {
        flags &= ~NdkOpFlag.DEFER.value();
      }
      String operation = s.kind().ndkName();
      int number = named.nextPost(operation);
      String context = named.name + " " + operation + " " + number;
      List<NdkSge> sgl = List.of(new NdkSge(BUFFER_ADDRESS, s.bytes(), 0));
      int postFlags = flags;
      boolean again = named.closeIssued;
      int line = run.recorder.beginCall(operation + " " + number + flagText(postFlags), named.name);
      NtStatus status =
          switch (s.kind()) {
            case RECEIVE -> qp.receive(context, sgl);
            case SEND -> qp.send(context, sgl, postFlags);
            case WRITE -> qp.write(context, sgl, BUFFER_ADDRESS, NO_REMOTE_TOKEN, postFlags);
          };
      boolean deferred = NdkOpFlag.DEFER.isSetIn(postFlags);
      run.recorder.endCall(
          line,
          status.name(),
          run.sentence(
              again
                  ? ConsumerCalls.misuse(named)
                  : Explanations.post(operation, deferred, status)));
      doorbells += run.recorder.doorbellsInCall();
      if (!run.insideCallback() && run.recorder.doorbellsInCall() > 0) {
        consumerBusy.run();
      }
    }
    if (s.count() > 1 && s.kind() != Step.PostKind.RECEIVE && !run.insideCallback()) {
      chainSummary(named, s.count(), doorbells, run.now() - startPs);
    }
  }

  /** What a chain of posts cost the consumer: the doorbells it rang and its thread's time. */
  private void chainSummary(ConsumerObjects.Named qp, int posts, int doorbells, long busyPs) {
    long postCostPs = run.script.settings().policy().postCostPs();
    int saved = posts - doorbells;
    String sentence;
    if (doorbells == 0) {
      sentence =
          "No doorbell yet: every post of this chain carried DEFER, so its WQEs wait in the ring"
              + " until a post without DEFER, or an inline failure, rings (invariants 21, 22).";
    } else if (saved > 0) {
      sentence =
          "Posting "
              + posts
              + " requests kept the consumer's thread busy "
              + SimTime.format(busyPs)
              + ": one doorbell for the chain instead of one per request saved "
              + saved
              + " MMIO doorbell writes, "
              + SimTime.format(saved * postCostPs)
              + " of the thread's time (assumption: "
              + SimTime.format(postCostPs)
              + " per rung post, the policy's post cost).";
    } else {
      sentence =
          "Posting "
              + posts
              + " requests kept the consumer's thread busy "
              + SimTime.format(busyPs)
              + ", one doorbell per request.";
    }
    run.recorder.note(
        Actor.CONSUMER,
        "posted",
        qp.name,
        posts + " requests, " + doorbells + (doorbells == 1 ? " doorbell" : " doorbells"),
        sentence);
  }

  private static String flagText(int flags) {
    StringBuilder out = new StringBuilder();
    for (NdkOpFlag flag : NdkOpFlag.values()) {
      if (flag.isSetIn(flags)) {
        out.append(' ').append(flag.name().toLowerCase(Locale.ROOT));
      }
    }
    return out.length() == 0 ? "" : " [" + out.substring(1) + "]";
  }
}
