package org.rnicsim.ndk.consumer;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;

/**
 * The consumer's objects by the names the script gave them, with what the consumer knows about
 * each: has it been delivered, is its close issued or done, how many callbacks of each kind it has
 * had.
 */
final class ConsumerObjects {

  /** One object the script named. */
  static final class Named {
    final String name;
    final NdkObjectType type;
    final String host;
    NdkObject object;
    boolean createResolved;
    boolean failed;
    boolean closeIssued;
    boolean closed;
    int notifications;
    int completions;
    int disconnectEvents;
    int measuredFrom;
    final ArrayDeque<String> connectEvents = new ArrayDeque<>();
    String receiveCq;
    String initiatorCq;
    List<ScriptStep> notificationSteps = List.of();
    private final Map<String, Integer> posts = new HashMap<>();

    Named(String name, NdkObjectType type, String host) {
      this.name = name;
      this.type = type;
      this.host = host;
    }

    /** The next request number for a post of {@code kind} on this QP, from 1. */
    int nextPost(String kind) {
      return posts.merge(kind, 1, Integer::sum);
    }
  }

  private final Map<String, Named> byName = new LinkedHashMap<>();

  /** A new name; a script error if the name is taken. */
  Named declare(String name, NdkObjectType type, String host, String where) {
    if (byName.containsKey(name)) {
      throw new ScriptException(where, "the name '" + name + "' is already taken");
    }
    Named named = new Named(name, type, host);
    byName.put(name, named);
    return named;
  }

  /** The object named {@code name}; a script error if there is none. */
  Named get(String name, String where) {
    Named named = byName.get(name);
    if (named == null) {
      throw new ScriptException(
          where,
          "no object is named '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
    }
    return named;
  }

  /** True if some object has this name. */
  boolean has(String name) {
    return byName.containsKey(name);
  }

  /**
   * The delivered object named {@code name}, of type {@code type}; a script error if it was never
   * delivered or is of another type. A closed object is returned: using it is a lesson's point.
   */
  <T extends NdkObject> T object(String name, Class<T> type, String where) {
    Named named = get(name, where);
    if (named.object == null) {
      throw new ScriptException(
          where,
          "'"
              + name
              + "' has not been delivered"
              + (named.failed
                  ? " (its create failed: no object, invariant 3)"
                  : " yet (invariant 2: a pending create delivers its object only through its"
                      + " completion); wait for it to be created first"));
    }
    if (!type.isInstance(named.object)) {
      throw new ScriptException(
          where, "'" + name + "' is a " + named.type + ", not a " + type.getSimpleName());
    }
    return type.cast(named.object);
  }

  /** The object whose wrapper is {@code object}, or null. */
  Named byObject(NdkObject object) {
    for (Named named : byName.values()) {
      if (named.object == object) {
        return named;
      }
    }
    return null;
  }

  /** Every named object, in the order named. */
  Iterable<Named> all() {
    return byName.values();
  }
}
