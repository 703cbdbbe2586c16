package org.rnicsim.ndk.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.verifier.ObjectRef;
import org.rnicsim.ndk.verifier.Violation;

/**
 * The state of one scripted run that calls, callbacks and the step loop share: the hosts, the
 * recorder, the named objects, and whether the consumer is inside a callback right now.
 */
final class ConsumerRun implements SimulatedHosts.EntrySink {
  final Script script;
  final TimelineRecorder recorder;
  final ConsumerObjects objects = new ConsumerObjects();
  final SimulatedHosts hosts;
  private final Map<ObjectRef, String> namesByRef = new HashMap<>();
  private int violationsSeen;
  private int callbackDepth;
  private String say;
  private String connectorName;

  ConsumerRun(Script script) {
    this.script = script;
    this.hosts = new SimulatedHosts(script.settings(), this);
    this.recorder = new TimelineRecorder(hosts.simulator::nowPs);
    hosts.simulator.trace().addSink(recorder);
  }

  long now() {
    return hosts.simulator.nowPs();
  }

  /** True while the consumer's code runs inside a callback: no simulated time may pass. */
  boolean insideCallback() {
    return callbackDepth > 0;
  }

  /** Runs the consumer's code of a callback. */
  void inCallback(Runnable code) {
    callbackDepth++;
    try {
      code.run();
    } finally {
      callbackDepth--;
    }
  }

  /** The step's own sentence, for the first line it produces. */
  void beginStep(ScriptStep step) {
    say = step.say();
  }

  /**
   * The sentence for a line of the current step: the step's own the first time, else {@code dflt}.
   */
  String sentence(String dflt) {
    String own = say;
    say = null;
    return own != null ? own : dflt;
  }

  String takeSay() {
    String own = say;
    say = null;
    return own;
  }

  void restoreSay(String saved) {
    say = saved;
  }

  /** The name the next connect event's connector gets (set by a waiting step). */
  void nameNextConnector(String name) {
    connectorName = name;
  }

  String nextConnectorName(ConsumerObjects.Named listener) {
    String name = connectorName;
    connectorName = null;
    if (name == null || objects.has(name)) {
      int k = 1;
      while (objects.has(listener.name + "-connector" + k)) {
        k++;
      }
      name = listener.name + "-connector" + k;
    }
    return name;
  }

  /** Remembers the verifier's name of a delivered object, to name violations. */
  void delivered(ConsumerObjects.Named named) {
    hosts.verifier.refOf(named.object).ifPresent(ref -> namesByRef.put(ref, named.name));
  }

  /** Puts every violation found since the last call on the timeline. */
  void collectViolations() {
    List<Violation> all = hosts.verifier.violations();
    for (int i = violationsSeen; i < all.size(); i++) {
      Violation v = all.get(i);
      recorder.violation(v, namesByRef.getOrDefault(v.object(), v.object().toString()));
    }
    violationsSeen = all.size();
  }

  /** A CQ entry was queued; the QP context is the QP's name, the request context the post's. */
  @Override
  public void cqEntryQueued(NdkResultEx entry) {
    String qpName = String.valueOf(entry.qpContext());
    String cq = qpName;
    if (objects.has(qpName)) {
      ConsumerObjects.Named qp = objects.get(qpName, "");
      boolean receive =
          entry.type() == NdkOperationType.RECEIVE
              || entry.type() == NdkOperationType.RECEIVE_AND_INVALIDATE;
      cq = receive ? qp.receiveCq : qp.initiatorCq;
    }
    recorder.cqEntry(cq, String.valueOf(entry.requestContext()), entry.status());
  }

  /** The ndkpi name of a type in call names: CQ -> Cq, SHARED_ENDPOINT -> SharedEndpoint. */
  static String typeName(NdkObjectType type) {
    StringBuilder out = new StringBuilder();
    for (String part : type.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }
}
