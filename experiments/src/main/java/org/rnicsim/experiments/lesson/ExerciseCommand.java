package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.output.OutputFolderException;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.ndk.consumer.ScriptException;
import org.rnicsim.ndk.consumer.ScriptedConsumer;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.verifier.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnicsim exercise}: the course's exercises, graded by the lifetime verifier. */
@Command(
    name = "exercise",
    description = {
      "Exercises on the NDK lifetime rules: write the steps of a consumer, and the lifetime"
          + " verifier and the exercise's goals grade it."
    },
    subcommands = {
      ExerciseCommand.ListExercises.class,
      ExerciseCommand.ShowExercise.class,
      ExerciseCommand.CheckExercise.class
    },
    footer = {"", "Start with: rnicsim exercise list, then rnicsim exercise show 1"})
public final class ExerciseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The built-in exercises, in course order. */
  static List<Exercise> exercises() {
    List<Exercise> out = new ArrayList<>();
    for (LessonCatalog.Entry entry : LessonCatalog.builtIn(LessonCatalog.EXERCISE_FILE).entries()) {
      out.add(ExerciseLoader.parse(entry.text(), entry.displayName()));
    }
    return out;
  }

  static Exercise find(int number, PrintWriter err) {
    for (Exercise exercise : exercises()) {
      if (exercise.number() == number) {
        return exercise;
      }
    }
    err.println("rnicsim: there is no exercise " + number + "; 'rnicsim exercise list' shows them");
    return null;
  }

  /** {@code rnicsim exercise list}. */
  @Command(name = "list", description = "List the exercises, in course order.")
  static final class ListExercises implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Exercise e : exercises()) {
        out.printf(
            Locale.ROOT,
            "%2d  %-58s  after lesson %d, rules %s%n",
            e.number(),
            e.title(),
            e.after(),
            Narration.join(e.rules()));
      }
      out.println();
      out.println(
          "Read one with: rnicsim exercise show N   (configs/lessons/README.md is the course)");
      return ExitCodes.OK;
    }
  }

  /** {@code rnicsim exercise show N}. */
  @Command(
      name = "show",
      description = "Print exercise N: its task, its goals and the starter script to copy.")
  static final class ShowExercise implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "N", description = "the exercise's number")
    int number;

    @Option(
        names = "--starter",
        description = "Print only the starter script, to save as the file you edit.")
    boolean starterOnly;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Exercise e = find(number, spec.commandLine().getErr());
      if (e == null) {
        return ExitCodes.BAD_INPUT;
      }
      if (starterOnly) {
        out.print(e.starter());
        return ExitCodes.OK;
      }
      out.println(e.heading());
      out.println("=".repeat(e.heading().length()));
      out.println("After lesson " + e.after() + "; rules " + Narration.join(e.rules()) + ".");
      out.println();
      out.println(e.task());
      out.println();
      out.println("The lifetime verifier must find no broken rule, and the run must reach:");
      e.goals().forEach(g -> out.println("  - " + g.say()));
      out.println();
      out.println(
          "Starter (save it with: rnicsim exercise show "
              + e.number()
              + " --starter > mine.yaml; edit the steps; then: rnicsim exercise check "
              + e.number()
              + " mine.yaml):");
      out.println();
      out.print(e.starter());
      return ExitCodes.OK;
    }
  }

  /** {@code rnicsim exercise check N FILE}. */
  @Command(
      name = "check",
      description = {
        "Run FILE (a solution's steps) for exercise N under the lifetime verifier, narrate it,"
            + " draw its timeline, and say whether it passes: no broken rule and every goal"
            + " reached."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the solution passes",
        "1:internal failure",
        "2:no such exercise, or FILE is not a solution (bad YAML, unknown key or step)",
        "3:the solution fails: a rule broken, a goal missed, or a step that cannot be played"
      })
  static final class CheckExercise implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "N", description = "the exercise's number")
    int number;

    @Parameters(index = "1", paramLabel = "FILE", description = "the solution: a 'steps:' list")
    Path file;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where to draw the timeline (default results/exercises/<N>).")
    Path out;

    @Option(names = "--no-files", description = "Only narrate on the terminal; write nothing.")
    boolean noFiles;

    @Override
    public Integer call() throws IOException {
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Exercise exercise = find(number, err);
      if (exercise == null) {
        return ExitCodes.BAD_INPUT;
      }
      Lesson lesson;
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        lesson = ExerciseLoader.solution(exercise, text, file.toString());
      } catch (NoSuchFileException e) {
        err.println("rnicsim: " + file + ": no such file");
        return ExitCodes.BAD_INPUT;
      } catch (StudyRejectedException rejected) {
        for (ConfigProblem problem : rejected.problems()) {
          err.println(problem.render());
        }
        err.println("rnicsim: " + file + " is not a solution yet; nothing was run");
        return ExitCodes.BAD_INPUT;
      }
      Timeline timeline;
      try {
        timeline = ScriptedConsumer.run(lesson.script());
      } catch (ScriptException stuck) {
        stdout.println(exercise.heading());
        stdout.println();
        stdout.println("FAIL: the script cannot go on: " + stuck.getMessage());
        return ExitCodes.RULES_BROKEN;
      }
      String narration = Narration.render(lesson, timeline);
      stdout.print(narration);
      stdout.println();
      boolean pass = verdict(exercise, timeline, stdout);
      if (!noFiles) {
        Path target = out != null ? out : Path.of("results", "exercises", String.valueOf(number));
        try {
          LessonOutput.publish(
              target,
              folder -> LessonCommand.LessonFiles.write(lesson, timeline, narration, folder));
        } catch (OutputFolderException e) {
          err.println("rnicsim: " + e.getMessage());
          return ExitCodes.BAD_INPUT;
        }
        stdout.println("Your timeline: " + target.resolve(LessonOutput.PAGE));
      }
      return pass ? ExitCodes.OK : ExitCodes.RULES_BROKEN;
    }

    /** Prints each broken rule and each goal; true when none is broken and all are reached. */
    private static boolean verdict(Exercise exercise, Timeline timeline, PrintWriter out) {
      List<String> lines = new ArrayList<>();
      for (Violation v : timeline.violations()) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  broken: rule %d at %s, by the %s: %s",
                v.invariantNumber(),
                Narration.time(v.timePs()).strip(),
                v.side().name().toLowerCase(Locale.ROOT),
                v.happened()));
      }
      boolean goals = true;
      for (ExerciseGoal goal : exercise.goals()) {
        boolean reached = goal.reachedBy(timeline);
        goals &= reached;
        lines.add((reached ? "  reached: " : "  missed:  ") + goal.say());
      }
      boolean pass = goals && timeline.violations().isEmpty();
      out.println(exercise.heading() + ": " + (pass ? "PASS" : "FAIL"));
      lines.forEach(out::println);
      return pass;
    }
  }
}
