package org.rnicsim.experiments.study;

import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One {@code --set path=value} option: the highest layer of the configuration. The value is read as
 * YAML, so {@code 20}, {@code 1us}, {@code [0.5,0.7]} and {@code {seed: 3}} mean what they mean in
 * a study file; it replaces whatever is at the path. Its problems, here and later in validation,
 * name the option as typed.
 */
final class CommandLineSetting {
  private CommandLineSetting() {}

  /** Applies {@code setting} to {@code stack}, or adds why it cannot be applied to {@code out}. */
  static void apply(
      String setting, LayerStack stack, ObjectMapper yaml, Collection<ConfigProblem> out) {
    Origin origin = Origin.option("--set " + setting);
    int equals = setting.indexOf('=');
    if (equals < 0) {
      out.add(origin.problem("", "expected path=value, such as run.replications=20"));
      return;
    }
    String path = setting.substring(0, equals).strip();
    String text = setting.substring(equals + 1).strip();
    if (!ConfigPath.isValid(path)) {
      out.add(
          origin.problem(
              "",
              "'"
                  + path
                  + "' is not a key path; paths look like run.replications or workload.loads[0]"));
      return;
    }
    if (text.isEmpty()) {
      out.add(origin.problem(path, "no value after '=' for '" + path + "'"));
      return;
    }
    JsonNode value;
    try {
      value = yaml.readTree(text);
    } catch (JacksonException e) {
      YamlSyntaxMessage syntax = YamlSyntaxMessage.parse(e.getOriginalMessage());
      String why =
          syntax != null ? syntax.text() : BindingErrors.firstSentence(e.getOriginalMessage());
      out.add(origin.problem(path, "cannot read the value for '" + path + "': " + why));
      return;
    }
    if (value == null || value.isMissingNode()) {
      out.add(origin.problem(path, "no value after '=' for '" + path + "'"));
      return;
    }
    String refusal = ConfigPath.set(stack.tree(), path, value);
    if (refusal != null) {
      out.add(origin.problem(path, "cannot set '" + path + "': " + refusal));
      return;
    }
    stack.source().replaceUnder(path, origin);
  }
}
