package org.rnicsim.experiments.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.ndk.verifier.Invariant;

/**
 * Every citation in the repository resolves in a clone: "ndkpi-spec N", "ndkpi-spec 7.N" and
 * "invariant N" to a section of docs/ndk-lifetime-rules.md, "calibration X" (and a bare entry id in
 * a config comment) to an entry of docs/calibration.md, and a lesson's {@code spec:} list to a
 * section and heading there. Scans the sources, configs and Markdown of the whole repository.
 */
@Timeout(60)
class DocCitationsTest {

  private static final Path ROOT = Path.of("..");
  private static final Path RULES = ROOT.resolve("docs/ndk-lifetime-rules.md");
  private static final Path CALIBRATION = ROOT.resolve("docs/calibration.md");

  private static final String NUMBER_LIST =
      "\\d+(?:\\.\\d+)?(?:\\s*(?:,|and|-)\\s*\\d+(?:\\.\\d+)?)*";
  private static final Pattern SPEC_CITATION =
      Pattern.compile(
          "(?:ndkpi-spec(?:\\.md)?(?:\\s+sections?)?|(?<![\\w-])spec section)\\s+("
              + NUMBER_LIST
              + ")");
  private static final Pattern INVARIANT_CITATION =
      Pattern.compile("\\b[Ii]nvariants?\\s+(\\d+(?:\\s*(?:,|and|-|to)\\s*\\d+)*)");
  private static final Pattern CALIBRATION_CITATION =
      Pattern.compile(
          "\\b[Cc]alibration(?:\\.md)?(?:\\s+(?:entry|entries|section))?\\s+"
              + "([A-Z]\\d*(?:\\s*(?:,|/|and|-)\\s*[A-Z]?\\d+)*)\\b");
  private static final Pattern BARE_ENTRY = Pattern.compile("\\b([PRQIS]\\d+)\\b");
  private static final Pattern LESSON_SPEC = Pattern.compile("(?m)^spec:\\s*\\[(.*)]\\s*$");

  /** The section numbers and headings of ndk-lifetime-rules.md, the entries of calibration.md. */
  record Docs(Map<String, List<String>> ruleSections, Set<String> calibrationIds) {

    static Docs read() throws IOException {
      Map<String, List<String>> sections = new LinkedHashMap<>();
      String current = null;
      for (String line : Files.readAllLines(RULES)) {
        Matcher section = Pattern.compile("^## (\\d+)\\. (.+)$").matcher(line);
        Matcher sub = Pattern.compile("^### (?:(\\d+\\.\\d+) )?(.+)$").matcher(line);
        if (section.matches()) {
          current = section.group(1);
          sections.computeIfAbsent(current, n -> new ArrayList<>()).add(section.group(2));
        } else if (line.startsWith("## ")) {
          current = null;
        } else if (sub.matches() && current != null) {
          if (sub.group(1) != null) {
            sections.computeIfAbsent(sub.group(1), n -> new ArrayList<>()).add(sub.group(2));
          }
          sections.get(current).add(sub.group(2));
        }
      }
      Set<String> ids = new TreeSet<>();
      for (String line : Files.readAllLines(CALIBRATION)) {
        Matcher group = Pattern.compile("^## ([A-Z])\\. ").matcher(line);
        Matcher entry = Pattern.compile("^### ([A-Z]\\d+) ").matcher(line);
        if (group.find()) {
          ids.add(group.group(1));
        } else if (entry.find()) {
          ids.add(entry.group(1));
        }
      }
      return new Docs(sections, ids);
    }

    /** What in {@code text} cites a section, invariant or entry these documents do not define. */
    List<String> unresolved(String text, boolean configComments) {
      List<String> problems = new ArrayList<>();
      Matcher spec = SPEC_CITATION.matcher(text);
      while (spec.find()) {
        for (String number : expand(spec.group(1))) {
          if (!ruleSections.containsKey(number)) {
            problems.add("ndkpi-spec " + number + " (in \"" + spec.group() + "\")");
          }
        }
      }
      Matcher invariant = INVARIANT_CITATION.matcher(text);
      while (invariant.find()) {
        for (String number : expand(invariant.group(1))) {
          if (!ruleSections.containsKey("7." + number)) {
            problems.add("invariant " + number + " (in \"" + invariant.group() + "\")");
          }
        }
      }
      Matcher calibration = CALIBRATION_CITATION.matcher(text);
      while (calibration.find()) {
        String letter = calibration.group(1).substring(0, 1);
        for (String id : calibration.group(1).split("\\s*(?:,|/|and|-)\\s*")) {
          String full = Character.isDigit(id.charAt(0)) ? letter + id : id;
          if (!calibrationIds.contains(full)) {
            problems.add("calibration " + full + " (in \"" + calibration.group() + "\")");
          }
        }
      }
      if (configComments) {
        for (String line : text.split("\n")) {
          int hash = line.indexOf('#');
          Matcher bare = BARE_ENTRY.matcher(hash < 0 ? "" : line.substring(hash));
          while (bare.find()) {
            if (!calibrationIds.contains(bare.group(1))) {
              problems.add("calibration " + bare.group(1) + " (in \"" + line.trim() + "\")");
            }
          }
        }
      }
      return problems;
    }

    /**
     * A lesson's spec entry, such as "3 Closing (adapter close)" or "7 Testable invariants 5-6":
     * its section exists and one of that section's headings starts with its name.
     */
    boolean lessonSpecResolves(String entry) {
      Matcher m = Pattern.compile("^(\\d+) ([^(\\d]+?)\\s*(?:\\d.*|\\(.*)?$").matcher(entry.trim());
      if (!m.matches() || !ruleSections.containsKey(m.group(1))) {
        return false;
      }
      String name = m.group(2).toLowerCase(Locale.ROOT);
      return ruleSections.get(m.group(1)).stream()
          .map(heading -> heading.toLowerCase(Locale.ROOT))
          .anyMatch(heading -> heading.startsWith(name) || name.startsWith(heading));
    }
  }

  /** "1, 4-6 and 7.2" -> 1, 4, 5, 6, 7.2. */
  static List<String> expand(String list) {
    List<String> numbers = new ArrayList<>();
    Matcher part =
        Pattern.compile("(\\d+(?:\\.\\d+)?)(?:\\s*(?:-|to)\\s*(\\d+)\\b(?!\\.))?").matcher(list);
    while (part.find()) {
      if (part.group(2) != null && !part.group(1).contains(".")) {
        for (int n = Integer.parseInt(part.group(1)); n <= Integer.parseInt(part.group(2)); n++) {
          numbers.add(Integer.toString(n));
        }
      } else {
        numbers.add(part.group(1));
      }
    }
    return numbers;
  }

  @Test
  void everyCitationInTheRepositoryResolves() throws IOException {
    Docs docs = Docs.read();
    List<String> problems = new ArrayList<>();
    int files = 0;
    for (Path file : repositoryTextFiles()) {
      String text = Files.readString(file);
      boolean config = file.toString().endsWith(".yaml") || file.toString().endsWith(".yml");
      for (String problem : docs.unresolved(text, config)) {
        problems.add(ROOT.relativize(file) + ": " + problem);
      }
      files++;
    }
    assertTrue(files > 100, "expected the whole repository, scanned " + files + " files");
    assertEquals(List.of(), problems, "citations the docs do not define");
  }

  @Test
  void everyLessonSpecEntryNamesASectionAndHeading() throws IOException {
    Docs docs = Docs.read();
    List<String> problems = new ArrayList<>();
    for (Path file : repositoryTextFiles()) {
      if (!file.toString().endsWith(".yaml")) {
        continue;
      }
      Matcher spec = LESSON_SPEC.matcher(Files.readString(file));
      while (spec.find()) {
        for (String entry : spec.group(1).split("\"\\s*,\\s*\"")) {
          String name = entry.replace("\"", "").trim();
          if (!docs.lessonSpecResolves(name)) {
            problems.add(ROOT.relativize(file) + ": " + name);
          }
        }
      }
    }
    assertEquals(List.of(), problems, "lesson spec entries without a section or heading");
  }

  @Test
  void sectionSevenStatesEachInvariantInTheVerifiersWords() throws IOException {
    Docs docs = Docs.read();
    String rules = Files.readString(RULES).replaceAll("\\s+", " ");
    for (Invariant invariant : Invariant.values()) {
      String number = "7." + invariant.number();
      assertTrue(docs.ruleSections().containsKey(number), "no section " + number);
      int at = rules.indexOf("### " + number + " ");
      int next = rules.indexOf("### ", at + 4);
      String section = rules.substring(at, next < 0 ? rules.length() : next);
      assertTrue(
          section.contains("> " + invariant.rule().replaceAll("\\s+", " ")),
          "section " + number + " should quote: " + invariant.rule());
    }
    assertEquals(
        Invariant.values().length,
        docs.ruleSections().keySet().stream().filter(n -> n.startsWith("7.")).count(),
        "section 7 has one subsection per invariant");
  }

  @Test
  void theCheckerCatchesCitationsTheDocsDoNotDefine() throws IOException {
    Docs docs = Docs.read();
    String spec = "ndkpi-" + "spec";
    assertEquals(List.of(), docs.unresolved("see " + spec + " 4, 7.7 and invariants 1-34", false));
    assertEquals(1, docs.unresolved("see " + spec + " 9", false).size());
    assertEquals(1, docs.unresolved("see " + spec + " 7.35", false).size());
    assertEquals(1, docs.unresolved("see " + spec + " 2-9", false).size());
    assertEquals(1, docs.unresolved("breaks invariant " + 35, false).size());
    String calibration = "calibration";
    assertEquals(List.of(), docs.unresolved(calibration + " P3/P4/P5, section P", false));
    assertEquals(1, docs.unresolved(calibration + " P" + 8, false).size());
    assertEquals(1, docs.unresolved(calibration + " P3/P" + 9, false).size());
    assertEquals(1, docs.unresolved("  rate: 1  # Q" + 7 + " fit", true).size());
    assertEquals(List.of(), docs.unresolved("  rate: 1  # Q1 fit; p99", true));
    assertTrue(docs.lessonSpecResolves("3 Closing (adapter close)"));
    assertTrue(docs.lessonSpecResolves("7 Testable invariants 7-9, 20"));
    assertTrue(docs.lessonSpecResolves("4 CQ arming"));
    assertTrue(!docs.lessonSpecResolves("4 Memory windows"));
    assertTrue(!docs.lessonSpecResolves("12 Closing"));
  }

  /** Sources, configs and Markdown of the repository, without build output and this file. */
  private static List<Path> repositoryTextFiles() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      return all.filter(Files::isRegularFile)
          .filter(
              f -> {
                String path = ROOT.relativize(f).toString().replace('\\', '/');
                return !path.startsWith(".")
                    && !path.contains("/target/")
                    && !path.startsWith("target/")
                    && !path.endsWith("DocCitationsTest.java")
                    && path.matches(".*\\.(java|md|yaml|yml|json|properties)$");
              })
          .sorted()
          .toList();
    }
  }
}
