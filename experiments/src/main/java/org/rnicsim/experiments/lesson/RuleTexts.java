package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnicsim.ndk.verifier.Invariant;

/**
 * The texts of the NDK lifetime rules the step-through page quotes, read from the project's rules
 * document, docs/ndk-lifetime-rules.md, which the build copies into the jar as {@link #RESOURCE}:
 * each invariant is a heading {@code ### 7.N name} in its section 7, its statement a quoted line,
 * then this project's notes; {@code Source:} lines are left out. A rule the document lacks is
 * quoted in the verifier's own wording ({@link Invariant#rule()}).
 */
final class RuleTexts {
  static final String RESOURCE = "ndk-lifetime-rules.md";
  private static final Pattern HEADING = Pattern.compile("^###\\s+7\\.(\\d+)\\s+(.*)$");
  private static final Pattern CITED = Pattern.compile("[Ii]nvariants? ((?:\\d+(?:, | and )?)+)");

  /** A rule's number, name and text. */
  record Rule(int number, String name, String text) {}

  private final Map<Integer, Rule> rules = new TreeMap<>();

  private RuleTexts(String markdown) {
    int number = -1;
    String name = "";
    StringBuilder text = new StringBuilder();
    for (String line : (markdown + "\n## end").lines().toList()) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches() || line.startsWith("#")) {
        if (number > 0) {
          rules.put(number, new Rule(number, name, text.toString().strip()));
        }
        number = heading.matches() ? Integer.parseInt(heading.group(1)) : -1;
        name = heading.matches() ? heading.group(2).strip() : "";
        text.setLength(0);
      } else if (number > 0 && !line.startsWith("Source:")) {
        text.append(line.replaceFirst("^>\\s?", "").strip()).append(' ');
      }
    }
  }

  /** The rules of {@code markdown}, a document laid out as docs/ndk-lifetime-rules.md is. */
  static RuleTexts of(String markdown) {
    return new RuleTexts(markdown);
  }

  /** The texts built into rnicsim. */
  static RuleTexts builtIn() {
    try (InputStream in = RuleTexts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rule {@code number}, from the document or else the verifier's wording. */
  Rule rule(int number) {
    Rule rule = rules.get(number);
    return rule != null ? rule : new Rule(number, "", Invariant.of(number).rule());
  }

  /** The invariants a narration sentence or finding cites ("invariants 5, 6"), in order. */
  static List<Integer> cited(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = CITED.matcher(text);
    while (m.find()) {
      for (String n : m.group(1).split("\\D+")) {
        int number = n.isEmpty() ? 0 : Integer.parseInt(n);
        if (number >= 1 && number <= 34 && !out.contains(number)) {
          out.add(number);
        }
      }
    }
    return out;
  }
}
