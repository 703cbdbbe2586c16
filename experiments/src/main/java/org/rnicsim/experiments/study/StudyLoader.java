package org.rnicsim.experiments.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a study file (YAML or JSON, chosen by its extension), merges it over the defaults with the
 * {@code --set} options on top, and checks every point the study will run. At each point of the
 * sweep the workload kind's defaults go beneath {@code workload}, and for workloads on modelled
 * machines the hardware profile the point names goes beneath {@code hardware}: defaults &lt;
 * profile &lt; study file &lt; {@code --set}, whichever layer chose the profile. Every way a study
 * can be wrong ends in one {@link StudyRejectedException} that lists all problems, each with the
 * file (or option), line, column and key path of the value.
 */
public final class StudyLoader {
  /** Where the jar keeps its copy of {@code configs/defaults.yaml}. */
  static final String DEFAULTS_RESOURCE = "/org/rnicsim/experiments/config/defaults.yaml";

  /** How messages name the defaults file. */
  public static final String DEFAULTS_NAME = "defaults.yaml";

  /** The key of the defaults file that holds the defaults of each workload kind. */
  static final String WORKLOAD_DEFAULTS = "workloads";

  /**
   * Jobs (points x cases x replications) one study may ask for: every job is listed and its result
   * kept until the report is written, so a grid past this runs the machine out of memory long
   * before it runs out of time.
   */
  public static final long MAX_JOBS = 1_000_000;

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
  private StudyInputs inputs = StudyInputs.fromDisk();

  /** Kinds that run on modelled machines and so get the named hardware profile. */
  private final Set<String> testbedKinds = new HashSet<>();

  /**
   * @param workloadKinds the workload records and their {@code kind} names
   */
  public StudyLoader(List<NamedType> workloadKinds) {
    this(workloadKinds, builtInDefaults(), new ProfileCatalog());
  }

  /**
   * @param defaultsText the defaults file's text
   * @param profiles the profile layer of a study, if any
   */
  public StudyLoader(List<NamedType> workloadKinds, String defaultsText, ProfileLayers profiles) {
    this(workloadKinds, defaultsText, profiles, DEFAULTS_NAME);
  }

  /**
   * @param defaultsDisplayName how messages name the defaults file
   */
  public StudyLoader(
      List<NamedType> workloadKinds,
      String defaultsText,
      ProfileLayers profiles,
      String defaultsDisplayName) {
    this.mappers = new StudyMappers(workloadKinds);
    List<String> names = new ArrayList<>();
    workloadKinds.forEach(kind -> names.add(kind.getName()));
    BindingErrors errors = new BindingErrors(names);
    this.reader = new ConfigFileReader(mappers, errors);
    this.binder = new TreeBinder(mappers.yaml, errors);
    this.profiles = profiles;
    for (NamedType kind : workloadKinds) {
      if (TestbedWorkload.class.isAssignableFrom(kind.getType())) {
        testbedKinds.add(kind.getName());
      }
    }
    ConfigLayer parsed = reader.parse(defaultsText, Path.of(DEFAULTS_NAME), defaultsDisplayName);
    JsonNode kinds = parsed.tree().remove(WORKLOAD_DEFAULTS);
    this.workloadDefaults =
        kinds instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    this.defaults = parsed;
  }

  /**
   * Reads the files studies name as input from {@code inputs} instead of disk (a cluster member
   * serving a driver's copies).
   */
  public StudyLoader readingInputs(StudyInputs inputs) {
    this.inputs = inputs;
    return this;
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
    return load(
        ConfigFileReader.readText(file, displayName), file, displayName, settings, expansion);
  }

  /**
   * As {@link #load(Path, String, List, Expansion)} for a study whose text is at hand; {@code file}
   * still says where it belongs (its format, and where profiles beside it are found).
   */
  public Study load(
      String text, Path file, String displayName, List<String> settings, Expansion expansion) {
    ConfigLayer study = reader.parse(text, file, displayName);
    Set<ConfigProblem> problems = new LinkedHashSet<>();

    LayerStack stack =
        new LayerStack(
            JsonNodeFactory.instance.objectNode(), SourceMap.of(Origin.startOf(displayName)));
    stack.push(defaults);
    // The hardware profile goes in per point, beneath the hardware section, once the study, the
    // options and the sweep have said which profile it is.
    stack.push(study);
    for (String setting : settings) {
      CommandLineSetting.apply(setting, stack, mappers.yaml, problems);
    }

    ObjectNode merged = stack.tree();
    SourceMap source = stack.source();
    JsonNode sweepNode = merged.remove("sweep");
    // Which charts to draw is the report's business, not a point's: kept out of each point's
    // configuration, so choosing other charts reuses every job result on disk.
    JsonNode chartsNode = merged.remove(ChartChoice.KEY);
    List<AxisPlan> axes = sweepAxes(sweepNode, source, problems);
    boolean sweepLeftOut = expansion == Expansion.ONE_POINT && !axes.isEmpty();
    if (expansion == Expansion.ONE_POINT) {
      axes = List.of();
    }
    List<StudyPoint> points = new ArrayList<>();
    if (problems.isEmpty()) {
      for (List<AxisValue> coordinates : grid(axes)) {
        StudyPoint point =
            point(file, displayName, points.size(), coordinates, axes, merged, source, problems);
        if (point != null) {
          points.add(point);
        }
      }
    }
    checkJobCount(points, axes, source, problems);
    Problems chartProblems = new Problems(source);
    ChartChoice charts =
        ChartChoice.read(
            chartsNode, points.isEmpty() ? null : points.get(0).plan().workload(), chartProblems);
    problems.addAll(chartProblems.problems());
    if (!problems.isEmpty()) {
      throw new StudyRejectedException(sortedProblems(problems));
    }
    StudyPlan first = points.get(0).plan();
    return new Study(
        displayName,
        text,
        settings,
        first.name(),
        first.description(),
        axes,
        points,
        sweepLeftOut,
        charts);
  }

  private static void checkJobCount(
      List<StudyPoint> points, List<AxisPlan> axes, SourceMap source, Set<ConfigProblem> out) {
    long jobs = 0;
    for (StudyPoint point : points) {
      jobs += (long) point.plan().workload().cases().size() * point.plan().run().replications();
    }
    if (jobs > MAX_JOBS) {
      String path = axes.isEmpty() ? "run.replications" : "sweep";
      out.add(
          source
              .positionOf(path)
              .problem(
                  path,
                  "the study has "
                      + jobs
                      + " jobs (points x cases x replications); the limit is "
                      + MAX_JOBS
                      + " (fewer sweep values, cases or replications?)"));
    }
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
    Problems problems = bound.problemsFor(source);
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
      Path file,
      String displayName,
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
      JsonNode existing = ConfigPath.get(tree, path);
      if (value.value() instanceof ObjectNode mapping && existing instanceof ObjectNode target) {
        // A mapping merges into the mapping it lands on, key by key, as a layer does: sweeping
        // completion over {mode: interrupts} keeps the study's other completion settings.
        mergeInto(target, mapping, path, source, value.origin());
        continue;
      }
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
    if (kind.isString()
        && testbedKinds.contains(kind.asString())
        && !pushProfile(stack, file, displayName, out)) {
      return null;
    }
    TreeBinder.Bound<StudyFile> bound = binder.bind(stack.tree(), StudyFile.class, stack.source());
    out.addAll(bound.problems());
    if (bound.value() == null) {
      return null;
    }
    Problems problems = bound.problemsFor(stack.source());
    problems.inputs(inputs);
    StudyPlan plan = bound.value().validate(problems);
    out.addAll(problems.problems());
    if (plan == null || !bound.problems().isEmpty()) {
      return null;
    }
    return new StudyPoint(index, coordinates, plan, stack.tree());
  }

  /**
   * The machines a script file other than a study (a lesson) runs on: its own {@code hardware} and
   * {@code topology} mappings (either may be null) over the defaults, with the profile they name
   * beneath, checked as a study's are; null after adding every problem to {@code out}, each where
   * it was written.
   *
   * @param source where the file's values are, by path from its root
   */
  public TestbedPlan testbed(
      JsonNode hardware,
      JsonNode topology,
      SourceMap source,
      Path file,
      String displayName,
      Collection<ConfigProblem> out) {
    ObjectNode fromDefaults = JsonNodeFactory.instance.objectNode();
    ObjectNode own = JsonNodeFactory.instance.objectNode();
    for (String key : List.of("hardware", "topology", "completion")) {
      fromDefaults.set(key, defaults.tree().get(key).deepCopy());
    }
    if (hardware != null) {
      own.set("hardware", hardware);
    }
    if (topology != null) {
      own.set("topology", topology);
    }
    LayerStack stack =
        new LayerStack(
            JsonNodeFactory.instance.objectNode(), SourceMap.of(Origin.startOf(displayName)));
    stack.push(new ConfigLayer(defaults.name(), fromDefaults, defaults.source()));
    stack.push(new ConfigLayer(displayName, own, source));
    Set<ConfigProblem> problems = new LinkedHashSet<>();
    TestbedPlan plan = null;
    if (pushProfile(stack, file, displayName, problems)) {
      TreeBinder.Bound<StudyFile> bound =
          binder.bind(stack.tree(), StudyFile.class, stack.source());
      problems.addAll(bound.problems());
      if (bound.value() != null) {
        Problems checks = new Problems(stack.source(), bound.refusedPaths());
        plan = bound.value().testbed(checks);
        problems.addAll(checks.problems());
      }
    }
    out.addAll(problems);
    return problems.isEmpty() ? plan : null;
  }

  /**
   * Puts the values of the profile named in {@code hardware.profile} beneath the point's hardware
   * section; false after reporting why it cannot. A missing name is left for validation to report.
   */
  private boolean pushProfile(
      LayerStack stack, Path file, String displayName, Set<ConfigProblem> out) {
    JsonNode name = stack.tree().path("hardware").path("profile");
    if (!name.isString()) {
      return true;
    }
    Origin at = stack.source().positionOf("hardware.profile");
    if (!HardwareSection.isProfileName(name.asString())) {
      out.add(
          at.problem(
              "hardware.profile",
              "'hardware.profile' must be the name of a profile, such as connectx4-edr-gen3x16,"
                  + " not a path (got '"
                  + name.asString()
                  + "')"));
      return false;
    }
    ConfigLayer profile = profiles.layerFor(file, displayName, name.asString(), at, out);
    if (profile == null) {
      return false;
    }
    stack.pushBeneath("hardware", profile.tree(), profile.source(), "");
    return true;
  }

  private static void mergeInto(
      ObjectNode target, ObjectNode mapping, String path, SourceMap source, Origin origin) {
    for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
      String childPath = path + "." + entry.getKey();
      if (entry.getValue() instanceof ObjectNode inner
          && target.get(entry.getKey()) instanceof ObjectNode innerTarget) {
        mergeInto(innerTarget, inner, childPath, source, origin);
      } else {
        target.set(entry.getKey(), entry.getValue().deepCopy());
        source.replaceUnder(childPath, origin);
      }
    }
  }
}
