package org.rnicsim.experiments.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.rnicsim.ndk.consumer.Step;
import tools.jackson.databind.JsonNode;

/**
 * The step vocabulary of lessons and {@code ndk-script} studies, in one table: every step key in
 * the order messages list them, whether it is an NDK call (only calls may run inside {@code
 * whenNotified}), and how {@link StepBinder} binds its arguments. A new step kind is one line here,
 * its binding, and its record and runner in ndk-api's {@link Step}.
 */
final class StepKinds {
  /** How one step's arguments become its {@link Step}. */
  @FunctionalInterface
  interface Binding {
    Step bind(StepBinder binder, JsonNode args, String at, boolean inCallback);
  }

  /**
   * @param call whether the step is an NDK call, as opposed to waiting, running the clock or
   *     arranging what happens
   */
  record Kind(boolean call, Binding binding) {}

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    call("openAdapter", StepBinder::openAdapter);
    call("createCq", StepBinder::createCq);
    call("createPd", (b, args, at, cb) -> created(b.onAdapter(args, at), Step.CreatePd::new));
    call("createMr", StepBinder::createMr);
    call("createQp", StepBinder::createQp);
    call(
        "createConnector",
        (b, args, at, cb) -> created(b.onAdapter(args, at), Step.CreateConnector::new));
    call(
        "createListener",
        (b, args, at, cb) -> created(b.onAdapter(args, at), Step.CreateListener::new));
    call("listen", StepBinder::listen);
    call("connect", StepBinder::connect);
    call("accept", StepBinder::accept);
    call(
        "completeConnect",
        (b, args, at, cb) -> new Step.CompleteConnect(b.only(args, at, "connector")));
    call("disconnect", (b, args, at, cb) -> new Step.Disconnect(b.only(args, at, "connector")));
    call("armCq", StepBinder::armCq);
    call("controlCqInterruptModeration", StepBinder::controlCqInterruptModeration);
    call("receive", (binder, args, at, inCallback) -> binder.post("receive", args, at));
    call("send", (binder, args, at, inCallback) -> binder.post("send", args, at));
    call("write", (binder, args, at, inCallback) -> binder.post("write", args, at));
    call("flush", (b, args, at, cb) -> new Step.Flush(b.only(args, at, "qp")));
    call("getCqResults", (b, args, at, cb) -> new Step.GetCqResults(b.only(args, at, "cq")));
    call("close", (b, args, at, cb) -> new Step.Close(b.only(args, at, "object")));
    call("closeAdapter", StepBinder::closeAdapter);
    control("waitFor", (binder, args, at, inCallback) -> binder.waitFor(args, at));
    control("runFor", StepBinder::runFor);
    control("runUntil", StepBinder::runUntil);
    control("settle", StepBinder::settle);
    control("repeat", StepBinder::repeat);
    control("whenNotified", StepBinder::whenNotified);
    control("failNextCommand", (binder, args, at, inCallback) -> binder.failNext(args, at));
    control("measure", (b, args, at, cb) -> new Step.Measure(b.only(args, at, "cq")));
  }

  private StepKinds() {}

  private static Step created(StepBinder.Created created, BiFunction<String, String, Step> step) {
    return step.apply(created.as(), created.adapter());
  }

  private static void call(String key, Binding binding) {
    KINDS.put(key, new Kind(true, binding));
  }

  private static void control(String key, Binding binding) {
    KINDS.put(key, new Kind(false, binding));
  }

  /** The step called {@code key}, or null when there is none. */
  static Kind of(String key) {
    return KINDS.get(key);
  }

  /** Every step key, for messages. */
  static List<String> names() {
    return List.copyOf(KINDS.keySet());
  }
}
