package org.rnicsim.experiments.study;

import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a configuration document that is not a study (a lesson, an exercise) to its record by the
 * rules and messages study files are bound by: a key the record does not know, a value of the wrong
 * type or a bare number where a unit belongs is refused at its file, line and column, and every
 * such problem is found, not just the first. The record's own checks then report into the same
 * {@link Problems}.
 */
public final class DocumentBinding {
  private static final TreeBinder BINDER =
      new TreeBinder(new StudyMappers(List.of()).yaml, new BindingErrors(List.of()));

  private DocumentBinding() {}

  /**
   * What binding gave.
   *
   * @param value the record, or null when the document could not be bound at all
   * @param problems the binding problems so far, to which the record's checks add theirs
   */
  public record Bound<T>(T value, Problems problems) {}

  /** Binds {@code document}, whose top level must be a mapping, to {@code type}. */
  public static <T> Bound<T> bind(ConfigDocument document, Class<T> type) {
    ObjectNode tree =
        document.tree() instanceof ObjectNode object
            ? object
            : JsonNodeFactory.instance.objectNode();
    TreeBinder.Bound<T> bound = BINDER.bind(tree, type, document.source());
    Problems problems = bound.problemsFor(document.source());
    bound.problems().forEach(problems::add);
    return new Bound<>(bound.value(), problems);
  }
}
