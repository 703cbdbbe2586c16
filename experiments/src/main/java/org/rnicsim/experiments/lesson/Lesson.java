package org.rnicsim.experiments.lesson;

import java.util.List;
import java.util.Objects;
import org.rnicsim.ndk.consumer.Script;

/**
 * One lesson as its file says it.
 *
 * @param number the lesson's number, 1 to 99
 * @param slug the file name without {@code .yaml} ({@code 01-create-inline-or-pending})
 * @param title one line
 * @param spec the ndkpi-spec sections it teaches ({@code "2 Creation"})
 * @param invariants the ndkpi-spec section 7 invariants it shows
 * @param story a paragraph that opens the narration
 * @param expectedViolations the invariants the verifier must report (a broken consumer or
 *     provider); empty for a lesson that breaks nothing
 * @param script the consumer it runs
 * @param displayName the file as the user named it
 * @param text the file's text, as it was run
 */
public record Lesson(
    int number,
    String slug,
    String title,
    List<String> spec,
    List<Integer> invariants,
    String story,
    List<Integer> expectedViolations,
    Script script,
    String displayName,
    String text) {

  public Lesson {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    spec = List.copyOf(spec);
    invariants = List.copyOf(invariants);
    Objects.requireNonNull(story, "story");
    expectedViolations = List.copyOf(expectedViolations);
    Objects.requireNonNull(script, "script");
  }

  /** "Lesson 3: title"; an exercise's solution is headed by its exercise's own heading. */
  public String heading() {
    return title.startsWith("Exercise ") ? title : "Lesson " + number + ": " + title;
  }
}
