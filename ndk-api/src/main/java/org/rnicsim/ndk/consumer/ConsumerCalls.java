package org.rnicsim.ndk.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * The scripted consumer's calls on objects, adapter and CQ: creates, closes, posts and the CQ
 * calls. Each call is one timeline line: what was called on which object, the status it returned,
 * and a sentence. Connection calls are in {@link ConnectionCalls}.
 */
final class ConsumerCalls {

  private final ConsumerRun run;
  private final ConsumerCallbacks callbacks;

  ConsumerCalls(ConsumerRun run, ConsumerCallbacks callbacks) {
    this.run = run;
    this.callbacks = callbacks;
  }

  void openAdapter(Step.OpenAdapter s, String where) {
    String host = s.host() != null ? s.host() : run.script.settings().hosts().get(0);
    if (!run.hosts.hasHost(host)) {
      throw new ScriptException(where, "no host is named '" + host + "'");
    }
    ConsumerObjects.Named named = run.objects.declare(s.name(), NdkObjectType.ADAPTER, host, where);
    run.recorder.lane(s.name(), NdkObjectType.ADAPTER.name(), host);
    int line = run.recorder.beginCall("OpenAdapter", s.name());
    NdkOpenAdapterResult result =
        run.hosts.verified(host).openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2));
    if (result.adapter() != null) {
      named.object = result.adapter();
      named.createResolved = true;
      run.delivered(named);
      run.recorder.state(s.name(), LaneState.READY);
    } else {
      named.failed = true;
    }
    run.recorder.endCall(
        line,
        result.status().name(),
        run.sentence(
            "OpenAdapter is synchronous: the adapter comes back at once, reporting the negotiated"
                + " NDK version (invariant 34)."));
  }

  void createCq(Step.CreateCq s, String where) {
    ConsumerObjects.Named adapterName = adapter(s.adapter(), where);
    NdkAdapter adapter = run.objects.object(adapterName.name, NdkAdapter.class, where);
    ConsumerObjects.Named cq =
        run.objects.declare(s.name(), NdkObjectType.CQ, adapterName.host, where);
    GroupAffinity affinity = s.core() >= 0 ? new GroupAffinity(1L << s.core(), 0) : null;
    create(
        "CreateCq",
        cq,
        completion ->
            adapter.createCq(
                s.depth(), callbacks.notification(cq), s.name(), affinity, completion, s.name()));
  }

  void createPd(Step.CreatePd s, String where) {
    ConsumerObjects.Named adapterName = adapter(s.adapter(), where);
    NdkAdapter adapter = run.objects.object(adapterName.name, NdkAdapter.class, where);
    ConsumerObjects.Named pd =
        run.objects.declare(s.name(), NdkObjectType.PD, adapterName.host, where);
    create("CreatePd", pd, completion -> adapter.createPd(completion, s.name()));
  }

  void createMr(Step.CreateMr s, String where) {
    NdkPd pd = run.objects.object(s.pd(), NdkPd.class, where);
    String host = run.objects.get(s.pd(), where).host;
    ConsumerObjects.Named mr = run.objects.declare(s.name(), NdkObjectType.MR, host, where);
    create("CreateMr", mr, completion -> pd.createMr(s.fastRegister(), completion, s.name()));
  }

  void createQp(Step.CreateQp s, String where) {
    NdkPd pd = run.objects.object(s.pd(), NdkPd.class, where);
    NdkCq receiveCq = run.objects.object(s.receiveCq(), NdkCq.class, where);
    NdkCq initiatorCq = run.objects.object(s.initiatorCq(), NdkCq.class, where);
    String host = run.objects.get(s.pd(), where).host;
    ConsumerObjects.Named qp = run.objects.declare(s.name(), NdkObjectType.QP, host, where);
    qp.receiveCq = s.receiveCq();
    qp.initiatorCq = s.initiatorCq();
    create(
        "CreateQp",
        qp,
        completion ->
            pd.createQp(
                receiveCq,
                initiatorCq,
                s.name(),
                s.depth(),
                s.depth(),
                1,
                1,
                s.inlineDataBytes(),
                completion,
                s.name()));
  }

  /** A create of {@code named}: lane, call line, and the object if it came inline. */
  <T extends NdkObject> void create(
      String what,
      ConsumerObjects.Named named,
      Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    run.recorder.lane(named.name, named.type.name(), named.host);
    int line = run.recorder.beginCall(what, named.name);
    NdkCreateResult<T> result = call.apply(callbacks.createCompletion(named));
    NtStatus status = result.status();
    if (result.isSuccess()) {
      named.object = result.object();
      named.createResolved = true;
      run.delivered(named);
      run.recorder.state(named.name, LaneState.READY);
    } else if (result.isPending()) {
      run.recorder.state(named.name, LaneState.CREATE_PENDING);
    } else {
      named.failed = true;
      named.createResolved = true;
      run.recorder.state(named.name, LaneState.FAILED);
    }
    run.recorder.endCall(line, status.name(), run.sentence(Explanations.create(status)));
  }

  void close(Step.Close s, String where) {
    ConsumerObjects.Named named = run.objects.get(s.object(), where);
    if (named.type == NdkObjectType.ADAPTER) {
      throw new ScriptException(where, "an adapter has no close entry; use closeAdapter");
    }
    NdkCloseableObject object = run.objects.object(s.object(), NdkCloseableObject.class, where);
    boolean again = named.closeIssued;
    int line = run.recorder.beginCall("Close" + ConsumerRun.typeName(named.type), named.name);
    NtStatus status = object.closeObject(callbacks.closeCompletion(named), named.name);
    if (!again) {
      named.closeIssued = true;
      if (NtStatus.SUCCESS.equals(status)) {
        named.closed = true;
        run.recorder.state(named.name, LaneState.CLOSED);
      } else if (status.isPending()) {
        run.recorder.state(named.name, LaneState.CLOSE_PENDING);
      }
    }
    run.recorder.endCall(
        line, status.name(), run.sentence(again ? misuse(named) : Explanations.close(status)));
  }

  void closeAdapter(Step.CloseAdapter s, String where) {
    ConsumerObjects.Named named = adapter(s.adapter(), where);
    NdkAdapter adapter = run.objects.object(named.name, NdkAdapter.class, where);
    int line = run.recorder.beginCall("CloseAdapter", named.name);
    if (run.insideCallback()) {
      try {
        run.hosts.verified(named.host).closeAdapter(adapter);
      } catch (NdkMisuseException refused) {
        // consumer rule C6: reported by the verifier, not passed on
      }
      run.recorder.endCall(
          line,
          "called inside a callback",
          run.sentence(
              "CloseAdapter from inside a callback is never allowed (invariant 11): it would block"
                  + " waiting for the very callback it runs in."));
      return;
    }
    named.closeIssued = true;
    run.recorder.state(named.name, LaneState.CLOSE_PENDING);
    run.recorder.endCall(
        line,
        "blocks",
        run.sentence(
            "CloseAdapter blocks, running the simulation, until every object below the adapter is"
                + " closed and every callback on them has returned (invariant 11)."));
    try {
      run.hosts.verified(named.host).closeAdapter(adapter);
    } catch (NdkMisuseException cannotFinish) {
      throw new ScriptException(where, cannotFinish.getMessage());
    }
    named.closed = true;
    run.recorder.state(named.name, LaneState.CLOSED);
    int done = run.recorder.beginCall("CloseAdapter returns", named.name);
    run.recorder.endCall(
        done,
        "",
        "CloseAdapter returns only now: no callback on any descendant is running, so the consumer"
            + " may unload (invariant 11).");
  }

  void armCq(Step.ArmCq s, String where) {
    NdkCq cq = run.objects.object(s.cq(), NdkCq.class, where);
    ConsumerObjects.Named named = run.objects.get(s.cq(), where);
    call(
        "ArmCq",
        named,
        () -> {
          cq.armCq(s.type());
          return s.type().name();
        },
        "Armed for "
            + s.type().name()
            + ": at most one notification, then the arm clears; re-arming before it fires keeps the"
            + " stronger type, ERRORS < SOLICITED < ANY (invariants 14, 16).");
  }

  void controlModeration(Step.ControlModeration s, String where) {
    NdkCq cq = run.objects.object(s.cq(), NdkCq.class, where);
    call(
        "ControlCqInterruptModeration",
        run.objects.get(s.cq(), where),
        () -> cq.controlCqInterruptModeration(s.intervalUs(), s.count()).name(),
        "Interrupt moderation: at most "
            + s.count()
            + " completions or "
            + s.intervalUs()
            + " us after the first before the interrupt; the call never pends (invariants 12,"
            + " 31).");
  }

  void flush(Step.Flush s, String where) {
    NdkQp qp = run.objects.object(s.qp(), NdkQp.class, where);
    call(
        "Flush",
        run.objects.get(s.qp(), where),
        () -> {
          qp.flush();
          return "";
        },
        "Flush starts cancelling every pending request on both queues; each reaches its CQ as"
            + " STATUS_CANCELLED, and Flush itself never pends (invariants 12, 20).");
  }

  void getCqResults(Step.GetCqResults s, String where) {
    NdkCq cq = run.objects.object(s.cq(), NdkCq.class, where);
    ConsumerObjects.Named named = run.objects.get(s.cq(), where);
    boolean again = named.closeIssued;
    int line = run.recorder.beginCall("GetCqResultsEx", named.name);
    List<String> got = new ArrayList<>();
    NdkResultEx[] results = new NdkResultEx[16];
    int n;
    while ((n = cq.getCqResultsEx(results)) > 0) {
      for (int i = 0; i < n; i++) {
        got.add(results[i].requestContext() + " " + results[i].status().name());
      }
    }
    String sentence =
        got.isEmpty()
            ? "The CQ is empty."
            : "Dequeued "
                + String.join(", ", got)
                + " (each carries its QP and request context,"
                + " invariant 23).";
    run.recorder.endCall(
        line,
        got.size() + (got.size() == 1 ? " result" : " results"),
        run.sentence(again ? misuse(named) : sentence));
  }

  /** One VOID-or-status call as a timeline line. */
  void call(String what, ConsumerObjects.Named named, Supplier<String> call, String dflt) {
    boolean again = named.closeIssued;
    int line = run.recorder.beginCall(what, named.name);
    String status = call.get();
    run.recorder.endCall(line, status, run.sentence(again ? misuse(named) : dflt));
  }

  /** The adapter a step names, or the only adapter if it names none. */
  ConsumerObjects.Named adapter(String name, String where) {
    if (name != null) {
      return run.objects.get(name, where);
    }
    ConsumerObjects.Named only = null;
    for (ConsumerObjects.Named named : run.objects.all()) {
      if (named.type == NdkObjectType.ADAPTER) {
        if (only != null) {
          throw new ScriptException(where, "several adapters are open: say which one");
        }
        only = named;
      }
    }
    if (only == null) {
      throw new ScriptException(where, "no adapter is open yet: start with openAdapter");
    }
    return only;
  }

  static String misuse(ConsumerObjects.Named named) {
    return "The consumer already closed "
        + named.name
        + ", so it must never use it again (ndkpi-spec 3); the verifier reports the misuse and"
        + " does not pass the call on.";
  }
}
