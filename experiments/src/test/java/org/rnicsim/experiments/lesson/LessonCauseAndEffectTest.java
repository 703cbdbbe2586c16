package org.rnicsim.experiments.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.ScriptedConsumer;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;

/**
 * The timeline shows why a pending operation resolves: every firmware command is issued by a call
 * (or by the provider) and each step of its way back to the consumer points at the step before.
 */
@Timeout(120)
class LessonCauseAndEffectTest {

  private static Timeline run(int lesson) throws IOException {
    return ScriptedConsumer.run(
        LessonCatalog.of(LessonGoldenTest.LESSONS).byNumber(lesson).orElseThrow().load().script());
  }

  private static List<String> chainBack(Timeline timeline, int index) {
    List<String> chain = new ArrayList<>();
    for (int i = index; i >= 0; i = timeline.entries().get(i).cause()) {
      TimelineEntry e = timeline.entries().get(i);
      chain.add(0, e.what() + (e.object().isEmpty() ? "" : " " + e.object()));
    }
    return chain;
  }

  private static int first(Timeline timeline, String what, String object) {
    for (int i = 0; i < timeline.entries().size(); i++) {
      TimelineEntry e = timeline.entries().get(i);
      if (e.what().equals(what) && e.object().equals(object)) {
        return i;
      }
    }
    throw new AssertionError("no " + what + " " + object);
  }

  @Test
  void aPendingCloseResolvesThroughItsCommand_Eqe_MsiX_Dpc_toTheCallback() throws IOException {
    Timeline lesson3 = run(3);
    assertEquals(
        List.of(
            "CloseQp qp",
            "firmware DESTROY_QP issued",
            "firmware DESTROY_QP done",
            "EQE",
            "MSI-X",
            "DPC",
            "CloseCompletion qp"),
        chainBack(lesson3, first(lesson3, "CloseCompletion", "qp")));
    assertEquals(
        List.of(
            "CreateCq cq",
            "firmware CREATE_CQ issued",
            "firmware CREATE_CQ done",
            "EQE",
            "MSI-X",
            "DPC",
            "CreateCompletion cq"),
        chainBack(lesson3, first(lesson3, "CreateCompletion", "cq")));
  }

  @Test
  void noQpStateChangeIsIssuedOnceTheQpWasDestroyed_soTheCqCloseIsNotHeldBack() throws IOException {
    Timeline lesson3 = run(3);
    int destroyed = first(lesson3, "firmware DESTROY_QP done", "");
    for (TimelineEntry e : lesson3.entries().subList(destroyed, lesson3.entries().size())) {
      assertFalse(e.what().startsWith("firmware MODIFY_QP"), "after DESTROY_QP: " + e);
    }
    // DESTROY_CQ goes to the firmware when CloseCq is called, not 20 us later behind a modify.
    TimelineEntry closeCq = lesson3.entries().get(first(lesson3, "CloseCq", "cq"));
    TimelineEntry destroyCq =
        lesson3.entries().get(first(lesson3, "firmware DESTROY_CQ issued", ""));
    assertEquals(closeCq.timePs(), destroyCq.timePs());
  }

  @Test
  void twoHostLessonsKeepEachHostsHardwareApart() throws IOException {
    Timeline lesson10 = run(10);
    List<String> hosts = new ArrayList<>();
    for (TimelineEntry e : lesson10.entries()) {
      if (e.kind() == EntryKind.INTERRUPT || e.kind() == EntryKind.HARDWARE) {
        assertFalse(e.host().isEmpty(), "no host on " + e);
        if (!hosts.contains(e.host())) {
          hosts.add(e.host());
        }
      }
      if (e.cause() >= 0 && !lesson10.entries().get(e.cause()).host().isEmpty()) {
        assertEquals(lesson10.entries().get(e.cause()).host(), e.host(), "a link across hosts");
      }
    }
    assertEquals(List.of("a", "b"), hosts);
  }

  @Test
  void theIllegalCallbackIsNotExplainedAsANormalOne() throws IOException {
    Timeline lesson12 = run(12);
    int finding = first(lesson12, "invariant 6", "cq");
    TimelineEntry culprit = lesson12.entries().get(lesson12.entries().get(finding).cause());
    assertEquals("CqNotification", culprit.what());
    assertTrue(culprit.sentence().startsWith("Against the rules"), culprit.sentence());
  }

  @Test
  void lessonRun_exitsWithRulesBroken_whenTheVerifierDisagreesWithExpect(@TempDir Path dir)
      throws IOException {
    String lesson =
        Files.readString(LessonGoldenTest.LESSONS.resolve("02-close-success-or-pending.yaml"))
            .replaceFirst("\nsteps:", "\nexpect:\n  violations: [6]\nsteps:");
    Path file = Files.writeString(dir.resolve("02-expects-too-much.yaml"), lesson);
    LessonCommandTest.Run run =
        LessonCommandTest.rnicsim("lesson", "run", file.toString(), "--no-files");
    assertEquals(ExitCodes.RULES_BROKEN, run.exitCode(), run.err());
    assertTrue(run.out().contains("The lesson expects invariant(s) 6 but the verifier named none"));
  }
}
