package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Where each key path of a configuration was written. Binding to records loses positions, and a
 * merged configuration mixes several sources (defaults, study file, {@code --set}), so validation
 * looks origins up here by path to point at the value that won.
 *
 * <p>Paths have the form {@code workload.loads[2]}; the empty path is the whole document.
 */
public final class SourceMap {
  private final NavigableMap<String, Origin> values;
  private final NavigableMap<String, Origin> keys;
  private final Origin fallback;

  private SourceMap(
      NavigableMap<String, Origin> values, NavigableMap<String, Origin> keys, Origin fallback) {
    this.values = values;
    this.keys = keys;
    this.fallback = fallback;
  }

  /** A map that answers {@code fallback} for every path. */
  public static SourceMap of(Origin fallback) {
    return new SourceMap(new TreeMap<>(), new TreeMap<>(), fallback);
  }

  /** Records where the key at {@code path} was first written. */
  void putKeyOrigin(String path, Origin at) {
    if (at != null) {
      keys.putIfAbsent(path, at);
    }
  }

  /** Records where the value at {@code path} was first written. */
  void putValueOrigin(String path, Origin at) {
    if (at != null) {
      values.putIfAbsent(path, at);
    }
  }

  /** Says the value at {@code path} was written at {@code at}, whatever was said before. */
  void replaceValueOrigin(String path, Origin at) {
    values.put(path, at);
  }

  /**
   * The shallowest keys at or under {@code path} written in the main source (the study file) or by
   * an option, not in a layer beneath it (the defaults, a profile): where a key the study gave is
   * reported.
   */
  public List<String> keysWrittenUnder(String path) {
    List<String> written = new ArrayList<>();
    NavigableMap<String, Origin> under = new TreeMap<>();
    Origin own = keys.get(path);
    if (own != null) {
      under.put(path, own);
    }
    under.putAll(keys.subMap(path + ".", true, path + "/", false));
    for (Map.Entry<String, Origin> entry : under.entrySet()) {
      Origin origin = entry.getValue();
      boolean study = origin.source().equals(fallback.source()) || origin.line() == 0;
      boolean inside =
          written.stream()
              .anyMatch(
                  w -> entry.getKey().startsWith(w + ".") || entry.getKey().startsWith(w + "["));
      if (study && !inside) {
        written.add(entry.getKey());
      }
    }
    return written;
  }

  /** The file most problems are in: the one whose start answers a path nobody wrote. */
  public String mainSource() {
    return fallback.source();
  }

  /** A copy that can be changed without changing this one. */
  public SourceMap copy() {
    return new SourceMap(new TreeMap<>(values), new TreeMap<>(keys), fallback);
  }

  /**
   * Makes {@code path} and everything under it come from {@code upper}: what a lower layer said
   * below {@code path} no longer holds once a higher layer replaced the value there.
   */
  public void replaceUnder(String path, SourceMap upper, String upperPath) {
    removeUnder(values, path);
    removeUnder(keys, path);
    copyUnder(upper.values, upperPath, values, path);
    copyUnder(upper.keys, upperPath, keys, path);
  }

  /** Makes {@code path} and everything under it come from one place (a {@code --set}). */
  public void replaceUnder(String path, Origin origin) {
    removeUnder(values, path);
    removeUnder(keys, path);
    values.put(path, origin);
    keys.put(path, origin);
  }

  /** Records where the key at {@code path} was written, keeping what is under it. */
  public void putKey(String path, SourceMap upper, String upperPath) {
    Origin key = upper.keys.get(upperPath);
    if (key != null) {
      keys.put(path, key);
    }
    Origin value = upper.values.get(upperPath);
    if (value != null) {
      values.put(path, value);
    }
  }

  private static void removeUnder(NavigableMap<String, Origin> map, String path) {
    map.remove(path);
    if (path.isEmpty()) {
      map.clear();
      return;
    }
    map.subMap(path + ".", true, path + "/", false).clear();
    map.subMap(path + "[", true, path + "\\", false).clear();
  }

  private static void copyUnder(
      NavigableMap<String, Origin> from, String fromPath, Map<String, Origin> to, String toPath) {
    for (Map.Entry<String, Origin> entry : from.entrySet()) {
      String key = entry.getKey();
      String rest;
      if (key.equals(fromPath)) {
        rest = "";
      } else if (fromPath.isEmpty()) {
        rest = key.startsWith("[") ? key : "." + key;
      } else if (key.startsWith(fromPath + ".") || key.startsWith(fromPath + "[")) {
        rest = key.substring(fromPath.length());
      } else {
        continue;
      }
      String target = toPath.isEmpty() && rest.startsWith(".") ? rest.substring(1) : toPath + rest;
      to.put(target, entry.getValue());
    }
  }

  /** The path of the current entry of {@code context}, in the form {@code workload.loads[2]}. */
  static String pathOf(TokenStreamContext context) {
    StringBuilder path = new StringBuilder();
    appendPath(context, path);
    return path.toString();
  }

  private static void appendPath(TokenStreamContext context, StringBuilder path) {
    if (context == null || context.inRoot()) {
      return;
    }
    appendPath(context.getParent(), path);
    if (context.inObject() && context.currentName() != null) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(context.currentName());
    } else if (context.inArray()) {
      path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
    }
  }

  static Origin originOf(String source, TokenStreamLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return null;
    }
    return new Origin(source, location.getLineNr(), Math.max(location.getColumnNr(), 1));
  }

  /**
   * The origin of {@code path}, or of its nearest ancestor present (a missing key is reported where
   * its parent is), or the start of the main source.
   */
  public Origin positionOf(String path) {
    String candidate = path;
    while (true) {
      Origin origin = values.get(candidate);
      if (origin != null) {
        return origin;
      }
      if (candidate.isEmpty()) {
        return fallback;
      }
      candidate = parentOf(candidate);
    }
  }

  /** Where the key of {@code path} is written (for "unknown key"), else as {@link #positionOf}. */
  public Origin keyPositionOf(String path) {
    Origin origin = keys.get(path);
    return origin != null ? origin : positionOf(path);
  }

  static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
