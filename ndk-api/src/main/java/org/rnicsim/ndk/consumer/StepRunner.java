package org.rnicsim.ndk.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.provider.SimNdkProvider;

/**
 * Plays steps: NDK calls go to {@link ConsumerCalls} and {@link ConnectionCalls}; waits and runs
 * advance the simulation here. Inside a callback only calls are allowed (the loader refuses
 * anything else there), since simulated time cannot pass inside a callback's Java code.
 */
final class StepRunner {
  /** The longest a wait may take before the script is declared stuck: 1 s of simulated time. */
  static final long WAIT_LIMIT_PS = SimTime.PS_PER_S;

  private final ConsumerRun run;
  private final ConsumerCalls calls;
  private final ConnectionCalls connections;
  private final PostCalls posts;

  StepRunner(ConsumerRun run) {
    this.run = run;
    ConsumerCallbacks callbacks = new ConsumerCallbacks(run, this);
    this.calls = new ConsumerCalls(run, callbacks);
    this.connections = new ConnectionCalls(run, callbacks, calls);
    this.posts = new PostCalls(run);
  }

  /** Plays one step (and its nested steps). */
  void execute(ScriptStep scripted) {
    String saved = run.takeSay();
    run.beginStep(scripted);
    try {
      dispatch(scripted.step(), scripted.where());
    } catch (NdkMisuseException misuse) {
      // The consumer broke one of its rules; the verifier reported it and the call had no effect,
      // so the script goes on, as a consumer that ignores the failure would.
      run.recorder.refused(
          misuse,
          run.sentence(
              "A consumer error (consumer rule "
                  + misuse.rule()
                  + "): the verifier reports it and does not pass the call on, and the consumer"
                  + " gets no status back."));
    } finally {
      run.restoreSay(saved);
    }
    if (!run.insideCallback()) {
      run.collectViolations();
    }
  }

  private void dispatch(Step step, String where) {
    if (run.insideCallback() && !(step instanceof Step.Call)) {
      throw new ScriptException(where, "inside a callback the consumer can only make calls");
    }
    if (step instanceof Step.OpenAdapter s) {
      calls.openAdapter(s, where);
    } else if (step instanceof Step.CreateCq s) {
      calls.createCq(s, where);
    } else if (step instanceof Step.CreatePd s) {
      calls.createPd(s, where);
    } else if (step instanceof Step.CreateMr s) {
      calls.createMr(s, where);
    } else if (step instanceof Step.CreateQp s) {
      calls.createQp(s, where);
    } else if (step instanceof Step.CreateConnector s) {
      connections.createConnector(s, where);
    } else if (step instanceof Step.CreateListener s) {
      connections.createListener(s, where);
    } else if (step instanceof Step.Listen s) {
      connections.listen(s, where);
    } else if (step instanceof Step.Connect s) {
      connections.connect(s, where);
    } else if (step instanceof Step.Accept s) {
      connections.accept(s, where);
    } else if (step instanceof Step.CompleteConnect s) {
      connections.completeConnect(s, where);
    } else if (step instanceof Step.Disconnect s) {
      connections.disconnect(s, where);
    } else if (step instanceof Step.ArmCq s) {
      calls.armCq(s, where);
    } else if (step instanceof Step.ControlModeration s) {
      calls.controlModeration(s, where);
    } else if (step instanceof Step.Post s) {
      posts.post(s, where, this::consumerBusy);
    } else if (step instanceof Step.Flush s) {
      calls.flush(s, where);
    } else if (step instanceof Step.GetCqResults s) {
      calls.getCqResults(s, where);
    } else if (step instanceof Step.Close s) {
      calls.close(s, where);
    } else if (step instanceof Step.CloseAdapter s) {
      calls.closeAdapter(s, where);
    } else if (step instanceof Step.WaitFor s) {
      waitFor(s, where);
    } else if (step instanceof Step.RunFor s) {
      note(
          "runFor " + SimTime.format(s.durationPs()),
          "",
          "Simulated time passes; the provider and the adapter work on.");
      simulator().runUntil(run.now() + s.durationPs());

    } else if (step instanceof Step.RunUntil s) {
      note(
          "runUntil " + SimTime.format(s.timePs()),
          "",
          "Simulated time passes; the provider and the adapter work on.");
      simulator().runUntil(Math.max(s.timePs(), run.now()));

    } else if (step instanceof Step.Settle) {
      note("settle", "", "Simulated time passes until every pending event has happened.");
      simulator().runToEnd();

    } else if (step instanceof Step.Repeat s) {
      repeat(s);
    } else if (step instanceof Step.WhenNotified s) {
      run.objects.get(s.cq(), where).notificationSteps = s.steps();
      note(
          "whenNotified",
          s.cq(),
          "From now on, inside every notification on "
              + s.cq()
              + " the consumer calls "
              + describe(s.steps())
              + ", as NDK consumers usually do (re-entry, ndkpi-spec 4).");

    } else if (step instanceof Step.FailNextCommand s) {
      failNext(s, where);
    } else if (step instanceof Step.Measure s) {
      new Measurements(run).measure(run.objects.get(s.cq(), where));
    } else {
      throw new IllegalStateException("unknown step " + step);
    }
  }

  private RnicSimulator simulator() {
    return run.hosts.simulator;
  }

  /** The consumer's thread wrote WQEs and rang a doorbell: that costs it the policy's post cost. */
  private void consumerBusy() {
    simulator().runUntil(run.now() + run.script.settings().policy().postCostPs());
  }

  private void note(String what, String object, String dflt) {
    run.recorder.note(Actor.CONSUMER, what, object, "", run.sentence(dflt));
  }

  /** The calls a handler makes, by their NDK names. */
  private static String describe(List<ScriptStep> steps) {
    List<String> names = new ArrayList<>();
    for (ScriptStep step : steps) {
      Step s = step.step();
      names.add(
          s instanceof Step.GetCqResults
              ? "GetCqResultsEx"
              : s instanceof Step.Post p ? p.kind().ndkName() : s.getClass().getSimpleName());
    }
    return String.join(", then ", names);
  }

  private void waitFor(Step.WaitFor s, String where) {
    ConsumerObjects.Named named = run.objects.get(s.object(), where);
    String name = named.name;
    switch (s.kind()) {
      case CREATED -> {
        note(
            "waitFor created",
            name,
            "The consumer cannot use " + name + " before it is delivered (invariant 2).");
        runUntil(() -> named.createResolved, where, name + " to be created");
      }
      case CLOSED -> {
        if (!named.closeIssued) {
          throw new ScriptException(where, name + " is not being closed; close it first");
        }
        note(
            "waitFor closed",
            name,
            "Simulated time passes until the close of " + name + " has completed.");
        runUntil(() -> named.closed, where, name + "'s close to complete");
      }
      case NOTIFICATION -> {
        int seen = named.notifications;
        note(
            "waitFor notification",
            name,
            "Simulated time passes until the next notification on " + name + " starts.");
        runUntil(() -> named.notifications > seen, where, "a notification on " + name);
      }
      case COMPLETION -> {
        int seen = named.completions;
        note(
            "waitFor completion",
            name,
            "Simulated time passes until a request on " + name + " completes.");
        runUntil(() -> named.completions > seen, where, "a request completion on " + name);
      }
      case CONNECT_EVENT -> {
        note(
            "waitFor connectEvent",
            name,
            "Simulated time passes until a connection request reaches " + name + ".");
        if (named.connectEvents.isEmpty()) {
          run.nameNextConnector(s.as());
          runUntil(() -> !named.connectEvents.isEmpty(), where, "a connect event on " + name);
        }
        String delivered = named.connectEvents.removeFirst();
        if (s.as() != null && !s.as().equals(delivered)) {
          throw new ScriptException(
              where,
              "the connect event came before this wait; its connector is named '"
                  + delivered
                  + "'");
        }
      }
      case DISCONNECT_EVENT -> {
        int seen = named.disconnectEvents;
        note("waitFor disconnectEvent", name, "Simulated time passes until the peer disconnects.");
        runUntil(() -> named.disconnectEvents > seen, where, "a disconnect event on " + name);
      }
    }
  }

  private void runUntil(BooleanSupplier done, String where, String what) {
    long deadline = run.now() + WAIT_LIMIT_PS;
    while (!done.getAsBoolean()) {
      if (simulator().pendingEventCount() == 0) {
        throw new ScriptException(
            where, "waits for " + what + ", but nothing is left to happen in the simulation");
      }
      simulator().runEvents(1);
      if (run.now() > deadline) {
        throw new ScriptException(
            where, "waited " + SimTime.format(WAIT_LIMIT_PS) + " for " + what + " in vain");
      }
    }
  }

  private void repeat(Step.Repeat s) {
    for (int i = 0; i < s.times(); i++) {
      long startPs = run.now();
      for (ScriptStep inner : s.steps()) {
        execute(inner);
      }
      if (i < s.times() - 1 && run.now() < startPs + s.everyPs()) {
        simulator().runUntil(startPs + s.everyPs());
      }
    }
  }

  private void failNext(Step.FailNextCommand s, String where) {
    String host = s.host() != null ? s.host() : run.script.settings().hosts().get(0);
    SimNdkProvider provider = run.hosts.provider(host);
    if (provider == null) {
      throw new ScriptException(where, "no host is named '" + host + "'");
    }
    provider.runtime().firmware().failNext(s.command(), s.status());
    run.recorder.note(
        Actor.ADAPTER,
        "failNextCommand",
        "",
        s.command() + " will fail with " + s.status().name(),
        run.sentence(
            "Fault injection: the next "
                + s.command()
                + " command runs its time, then the adapter reports "
                + s.status().name()
                + "."));
  }
}
