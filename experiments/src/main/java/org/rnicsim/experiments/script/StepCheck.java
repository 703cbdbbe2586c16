package org.rnicsim.experiments.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rnicsim.experiments.study.Duration;
import org.rnicsim.experiments.study.Size;
import org.rnicsim.ndk.consumer.ScriptStep;

/**
 * Checks the values of one bound step as its {@link StepSpec} turns them into a model step: names
 * are declared once and used only after an earlier step declared them, hosts are the script's,
 * counts are in range (durations and sizes were read with their units as they were bound). Every
 * problem is reported at the key's value (or at the step, for a bare value such as {@code close:
 * qp}) and a fallback returned, so checking goes on.
 */
public final class StepCheck {
  private final ScriptNames script;
  private final String path;
  private final boolean bare;
  private final boolean inCallback;
  private final List<String> declared = new ArrayList<>();

  StepCheck(ScriptNames script, String path, boolean bare, boolean inCallback) {
    this.script = script;
    this.path = path;
    this.bare = bare;
    this.inCallback = inCallback;
  }

  /** Where the step's arguments are written. */
  public String path() {
    return path;
  }

  /** Where {@code key}'s value is (or would be) written. */
  public String at(String key) {
    return bare ? path : path + "." + key;
  }

  /** Whether the step stands inside {@code whenNotified}. */
  public boolean inCallback() {
    return inCallback;
  }

  List<String> declared() {
    return declared;
  }

  public void problem(String at, String message) {
    script.problems().report(at, message);
  }

  /** A new object name: reported if it is missing or taken. */
  public String declare(String key, String name) {
    if (!isName(key, name)) {
      return name == null ? "" : name;
    }
    if (script.isNamed(name) || declared.contains(name)) {
      problem(at(key), "the name '" + name + "' is already taken by an earlier step");
    } else {
      declared.add(name);
    }
    return name;
  }

  /** A reference to an object an earlier step named. */
  public String use(String key, String name) {
    if (isName(key, name) && !script.isNamed(name)) {
      Set<String> known = new TreeSet<>(script.names());
      problem(
          at(key),
          "no earlier step created an object named '"
              + name
              + "'"
              + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")"));
    }
    return name == null ? "" : name;
  }

  /** A reference to an object an earlier step named, or null when the key is absent. */
  public String useIfGiven(String key, String name) {
    return name == null ? null : use(key, name);
  }

  /** A host of the script, which must be given. */
  public String host(String key, String host) {
    if (isName(key, host) && !script.hosts().contains(host)) {
      problem(at(key), "no host is named '" + host + "' (hosts: " + script.hosts() + ")");
    }
    return host == null ? "" : host;
  }

  /** A host of the script, or null when the key is absent. */
  public String hostIfGiven(String key, String host) {
    return host == null ? null : host(key, host);
  }

  /** Whether {@code name} is given and a name; reported if not. */
  private boolean isName(String key, String name) {
    if (name == null) {
      problem(at(key), "'" + at(key) + "' is missing");
      return false;
    }
    if (!ScriptNames.isName(name)) {
      problem(
          at(key),
          "'"
              + at(key)
              + "' must be a name (a letter, then letters, digits, '-' or '_'), got '"
              + name
              + "'");
      return false;
    }
    return true;
  }

  /** A whole number in [min, max], or {@code fallback} when absent or out of range. */
  public long integer(String key, Long value, long min, long max, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      script.problems().check(false, at(key), "be between " + min + " and " + max, value);
      return fallback;
    }
    return value;
  }

  /** A duration in picoseconds; {@code fallback} when absent. */
  public long duration(Duration written, long fallback) {
    return written == null ? fallback : written.ps();
  }

  /** The step's one value as a duration, which must be given. */
  public long requiredDuration(Duration written) {
    if (written == null) {
      problem(path, "'" + path + "' needs a value");
      return 0;
    }
    return written.ps();
  }

  /** A size in bytes; {@code fallback} when absent. */
  public long bytes(Size written, long fallback) {
    return written == null ? fallback : written.bytes();
  }

  public boolean bool(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  /** One of {@code choices} (compared ignoring case), or null after a problem. */
  public <E> E choice(String key, String value, Map<String, E> choices) {
    return choiceAt(at(key), value, choices);
  }

  /** As {@link #choice} for a value at {@code at}, an item of a list the step takes. */
  public <E> E choiceAt(String at, String value, Map<String, E> choices) {
    return ScriptNames.choice(script.problems(), at, value, choices);
  }

  /** The nested steps at {@code key}, checked in order like the top-level ones. */
  public List<ScriptStep> steps(String key, List<StepEntry> steps, boolean inCallback) {
    return script.steps(steps, at(key), inCallback);
  }
}
