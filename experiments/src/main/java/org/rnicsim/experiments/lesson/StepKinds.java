package org.rnicsim.experiments.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    call("createPd", StepBinder::createPd);
    call("createMr", StepBinder::createMr);
    call("createQp", StepBinder::createQp);
    call("createConnector", StepBinder::createConnector);
    call("createListener", StepBinder::createListener);
    call("listen", StepBinder::listen);
    call("connect", StepBinder::connect);
    call("accept", StepBinder::accept);
    call("completeConnect", StepBinder::completeConnect);
    call("disconnect", StepBinder::disconnect);
    call("armCq", StepBinder::armCq);
    call("controlCqInterruptModeration", StepBinder::controlCqInterruptModeration);
    call("receive", (binder, args, at, inCallback) -> binder.post("receive", args, at));
    call("send", (binder, args, at, inCallback) -> binder.post("send", args, at));
    call("write", (binder, args, at, inCallback) -> binder.post("write", args, at));
    call("flush", StepBinder::flush);
    call("getCqResults", StepBinder::getCqResults);
    call("close", StepBinder::close);
    call("closeAdapter", StepBinder::closeAdapter);
    control("waitFor", (binder, args, at, inCallback) -> binder.waitFor(args, at));
    control("runFor", StepBinder::runFor);
    control("runUntil", StepBinder::runUntil);
    control("settle", StepBinder::settle);
    control("repeat", StepBinder::repeat);
    control("whenNotified", StepBinder::whenNotified);
    control("failNextCommand", (binder, args, at, inCallback) -> binder.failNext(args, at));
    control("measure", StepBinder::measure);
  }

  private StepKinds() {}

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
