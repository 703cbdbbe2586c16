package org.rnicsim.experiments.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Package cycles as the sources show them. {@link ArchitectureTest} reads bytecode, which misses a
 * dependency on a compile-time constant (javac copies the value in), so this test reads the main
 * sources of all four modules: every import and every fully qualified {@code org.rnicsim} name
 * outside comments is a dependency of the file's package. No package may reach itself again.
 */
@Timeout(60)
class SourcePackageGraphTest {

  private static final List<Path> SOURCE_ROOTS =
      Stream.of("sim-engine", "rnic-model", "ndk-api", "experiments")
          .map(module -> Path.of("..", module, "src", "main", "java"))
          .toList();

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(org\\.rnicsim(?:\\.[a-z]\\w*)+)\\.[A-Z]");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)(^|\\s)//.*$");

  @Test
  void noPackageCycles() {
    Map<String, Set<String>> graph = packageGraph();
    List<Set<String>> cycles = stronglyConnected(graph);
    assertTrue(cycles.isEmpty(), "packages that depend on each other in a loop: " + cycles);
  }

  @Test
  void theGraphSeesACycleWhenOneIsThere() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", new TreeSet<>(Set.of("b")));
    graph.put("b", new TreeSet<>(Set.of("c")));
    graph.put("c", new TreeSet<>(Set.of("a")));
    graph.put("d", new TreeSet<>(Set.of("a")));
    assertEquals(List.of(Set.of("a", "b", "c")), stronglyConnected(graph));
    assertFalse(packageGraph().isEmpty(), "the main sources were found from " + SOURCE_ROOTS);
  }

  /** Package -> the other org.rnicsim packages its main sources refer to. */
  static Map<String, Set<String>> packageGraph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path root : SOURCE_ROOTS) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher pkg = PACKAGE.matcher(source);
          if (!pkg.find()) {
            continue;
          }
          String from = pkg.group(1);
          String code =
              LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(source).replaceAll(" ")).replaceAll("$1");
          Set<String> targets = graph.computeIfAbsent(from, p -> new TreeSet<>());
          Matcher reference = REFERENCE.matcher(code);
          while (reference.find()) {
            if (!reference.group(1).equals(from)) {
              targets.add(reference.group(1));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return graph;
  }

  /** The strongly connected components of more than one package (Tarjan), in package order. */
  static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, components);
      }
    }
    return components;
  }

  private static void connect(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      List<String> stack,
      Set<String> onStack,
      List<Set<String>> components) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.add(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, components);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.remove(stack.size() - 1);
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        components.add(component);
      }
    }
  }
}
