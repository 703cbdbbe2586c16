package org.rnicsim.experiments.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a study file (YAML or JSON, chosen by its extension), merges it over the defaults (and,
 * once they exist, a hardware profile) with the {@code --set} options on top, and checks every
 * point the study will run. Every way a study can be wrong ends in one {@link
 * StudyRejectedException} that lists all problems, each with the file (or option), line, column and
 * key path of the value.
 */
public final class StudyLoader {
  /** Where the jar keeps its copy of {@code configs/defaults.yaml}. */
  static final String DEFAULTS_RESOURCE = "/org/rnicsim/experiments/config/defaults.yaml";

  /** How messages name the defaults file. */
  public static final String DEFAULTS_NAME = "defaults.yaml";

  /** The key of the defaults file that holds the defaults of each workload kind. */
  static final String WORKLOAD_DEFAULTS = "workloads";

  /** Whether a study runs as the one point it describes, or as the grid its sweep spans. */
  public enum Expansion {
    ONE_POINT,
    SWEEP
  }

  private final StudyMappers mappers;
  private final ConfigFileReader reader;
  private final TreeBinder binder;
  private final ProfileLayers profiles;
  private final ConfigLayer defaults;
  private final ObjectNode workloadDefaults;

  /**
   * @param workloadKinds the workload records and their {@code kind} names
   */
  public StudyLoader(List<NamedType> workloadKinds) {
    this(workloadKinds, builtInDefaults(), ProfileLayers.NONE);
  }

  /**
   * @param defaultsText the defaults file's text
   * @param profiles the profile layer of a study, if any
   */
  public StudyLoader(List<NamedType> workloadKinds, String defaultsText, ProfileLayers profiles) {
    this.mappers = new StudyMappers(workloadKinds);
    List<String> names = new ArrayList<>();
    workloadKinds.forEach(kind -> names.add(kind.getName()));
    BindingErrors errors = new BindingErrors(names);
    this.reader = new ConfigFileReader(mappers, errors);
    this.binder = new TreeBinder(mappers.yaml, errors);
    this.profiles = profiles;
    ConfigLayer parsed = reader.parse(defaultsText, Path.of(DEFAULTS_NAME), DEFAULTS_NAME);
    JsonNode kinds = parsed.tree().remove(WORKLOAD_DEFAULTS);
    this.workloadDefaults =
        kinds instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    this.defaults = parsed;
  }

  /** The text of the defaults file built into the jar. */
  public static String builtInDefaults() {
    try (InputStream in = StudyLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DEFAULTS_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code file} as one point, without options: its plan, or the problems. */
  public StudyPlan load(Path file, String displayName) {
    return load(file, displayName, List.of(), Expansion.ONE_POINT).points().get(0).plan();
  }

  /**
   * Loads and checks {@code file} with {@code settings} applied.
   *
   * @param displayName how messages name the file: as the user typed it
   * @param settings {@code path=value} texts of the {@code --set} options, lowest precedence first
   * @throws StudyRejectedException with every problem found
   */
  public Study load(Path file, String displayName, List<String> settings, Expansion expansion) {
    String text = ConfigFileReader.readText(file, displayName);
    ConfigLayer study = reader.parse(text, file, displayName);
    Set<ConfigProblem> problems = new LinkedHashSet<>();

    LayerStack stack =
        new LayerStack(
            JsonNodeFactory.instance.objectNode(), SourceMap.of(Origin.startOf(displayName)));
    stack.push(defaults);
    ConfigLayer profile = profiles.layerFor(study.tree());
    if (profile != null) {
      stack.push(profile);
    }
    stack.push(study);
    for (String setting : settings) {
      CommandLineSetting.apply(setting, stack, mappers.yaml, problems);
    }

    ObjectNode merged = stack.tree();
    SourceMap source = stack.source();
    JsonNode sweepNode = merged.remove("sweep");
    List<AxisPlan> axes = sweepAxes(sweepNode, source, problems);
    boolean sweepLeftOut = expansion == Expansion.ONE_POINT && !axes.isEmpty();
    if (expansion == Expansion.ONE_POINT) {
      axes = List.of();
    }
    List<StudyPoint> points = new ArrayList<>();
    if (problems.isEmpty()) {
      for (List<AxisValue> coordinates : grid(axes)) {
        StudyPoint point = point(points.size(), coordinates, axes, merged, source, problems);
        if (point != null) {
          points.add(point);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StudyRejectedException(sortedProblems(problems));
    }
    StudyPlan first = points.get(0).plan();
    return new Study(
        displayName, text, settings, first.name(), first.description(), axes, points, sweepLeftOut);
  }

  private static List<ConfigProblem> sortedProblems(Set<ConfigProblem> problems) {
    List<ConfigProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Problems.FILE_ORDER);
    return sorted;
  }

  private List<AxisPlan> sweepAxes(JsonNode sweepNode, SourceMap source, Set<ConfigProblem> out) {
    if (sweepNode == null || sweepNode.isNull()) {
      return List.of();
    }
    ObjectNode holder = JsonNodeFactory.instance.objectNode();
    holder.set("sweep", sweepNode);
    TreeBinder.Bound<StudyFile> bound = binder.bind(holder, StudyFile.class, source);
    out.addAll(bound.problems());
    if (bound.value() == null || bound.value().sweep() == null) {
      return List.of();
    }
    Problems problems = new Problems(source, bound.refusedPaths());
    List<AxisPlan> axes = SweepAxes.expand(bound.value().sweep(), sweepNode, problems);
    out.addAll(problems.problems());
    return axes;
  }

  /**
   * Every combination of axis values, the first axis varying slowest; one empty one without axes.
   */
  private static List<List<AxisValue>> grid(List<AxisPlan> axes) {
    List<List<AxisValue>> combinations = new ArrayList<>();
    combinations.add(List.of());
    for (AxisPlan axis : axes) {
      List<List<AxisValue>> longer = new ArrayList<>();
      for (List<AxisValue> prefix : combinations) {
        for (AxisValue value : axis.values()) {
          List<AxisValue> combination = new ArrayList<>(prefix);
          combination.add(value);
          longer.add(combination);
        }
      }
      combinations = longer;
    }
    return combinations;
  }

  private StudyPoint point(
      int index,
      List<AxisValue> coordinates,
      List<AxisPlan> axes,
      ObjectNode merged,
      SourceMap mergedSource,
      Set<ConfigProblem> out) {
    ObjectNode tree = merged.deepCopy();
    SourceMap source = mergedSource.copy();
    for (int i = 0; i < coordinates.size(); i++) {
      AxisValue value = coordinates.get(i);
      String path = axes.get(i).path();
      String refusal = ConfigPath.set(tree, path, value.value().deepCopy());
      if (refusal != null) {
        out.add(value.origin().problem(path, "cannot sweep '" + path + "': " + refusal));
        return null;
      }
      source.replaceUnder(path, value.origin());
    }
    LayerStack stack = new LayerStack(tree, source);
    JsonNode kind = tree.path("workload").path("kind");
    if (kind.isString()
        && workloadDefaults.get(kind.asString()) instanceof ObjectNode kindDefaults) {
      stack.pushBeneath(
          "workload", kindDefaults, defaults.source(), WORKLOAD_DEFAULTS + "." + kind.asString());
    }
    TreeBinder.Bound<StudyFile> bound = binder.bind(stack.tree(), StudyFile.class, stack.source());
    out.addAll(bound.problems());
    if (bound.value() == null) {
      return null;
    }
    Problems problems = new Problems(stack.source(), bound.refusedPaths());
    StudyPlan plan = bound.value().validate(problems);
    out.addAll(problems.problems());
    if (plan == null || !bound.problems().isEmpty()) {
      return null;
    }
    return new StudyPoint(index, coordinates, plan, stack.tree());
  }
}
