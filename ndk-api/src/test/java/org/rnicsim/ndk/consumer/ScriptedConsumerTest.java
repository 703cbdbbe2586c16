package org.rnicsim.ndk.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;

class ScriptedConsumerTest {

  private static ScriptStep at(Step step) {
    return new ScriptStep(step, null, "test");
  }

  private static String render(Timeline timeline) {
    StringBuilder out = new StringBuilder();
    for (TimelineEntry e : timeline.entries()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%12s %-9s %-30s %-10s %-22s %s%n",
              SimTime.format(e.timePs()),
              e.actor().label(),
              e.what(),
              e.object(),
              e.status(),
              e.sentence()));
    }
    return out.toString();
  }

  @Test
  void whenCqCreatePends_thenItsObjectArrivesOnlyThroughTheCompletion() {
    List<ScriptStep> steps = new ArrayList<>();
    steps.add(at(new Step.OpenAdapter("adapter", null)));
    steps.add(at(new Step.CreatePd("pd", null)));
    steps.add(at(new Step.CreateCq("cq", null, 64, -1)));
    steps.add(at(new Step.WaitFor(Step.WaitKind.CREATED, "cq", null)));
    steps.add(at(new Step.CreateQp("qp", "pd", "cq", "cq", 16, 64)));
    steps.add(at(new Step.WaitFor(Step.WaitKind.CREATED, "qp", null)));
    steps.add(at(new Step.ArmCq("cq", NdkCqNotificationType.ANY)));
    steps.add(at(new Step.Post(Step.PostKind.RECEIVE, "qp", 2, 64, 0, false)));
    steps.add(at(new Step.Close("qp")));
    steps.add(at(new Step.Close("pd")));
    steps.add(at(new Step.Close("cq")));
    steps.add(at(new Step.CloseAdapter("adapter")));
    Timeline timeline =
        ScriptedConsumer.run(new Script(ScriptSettings.defaults(), steps, List.of()));
    String text = render(timeline);
    assertTrue(timeline.violations().isEmpty(), timeline.verifierReport());
    assertTrue(text.contains("CreateCompletion"), text);
    assertEquals(List.of(), timeline.violatedInvariants());
  }
}
