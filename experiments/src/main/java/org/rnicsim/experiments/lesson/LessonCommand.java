package org.rnicsim.experiments.lesson;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rnicsim lesson}: the numbered NDK lessons. */
@Command(
    name = "lesson",
    description = {
      "The numbered lessons on the NDK asynchronous lifetime rules: each a scripted consumer on a"
          + " modelled adapter, narrated step by step on simulated time."
    },
    subcommands = {LessonCommand.ListLessons.class, LessonCommand.RunLesson.class},
    footer = {"", "Start with: rnicsim lesson list, then rnicsim lesson run 1"})
public final class LessonCommand implements Runnable {

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

  /** The lessons of {@code folder}, or the built-in ones. */
  static LessonCatalog catalog(Path folder) throws IOException {
    return folder != null ? LessonCatalog.of(folder) : LessonCatalog.builtIn();
  }

  /** {@code rnicsim lesson list}. */
  @Command(name = "list", description = "List the lessons, in course order.")
  static final class ListLessons implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Read the lessons from DIR instead of the ones built into rnicsim.")
    Path folder;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int bad = 0;
      for (LessonCatalog.Entry entry : catalog(folder).entries()) {
        try {
          Lesson lesson = entry.load();
          out.printf(
              Locale.ROOT,
              "%2d  %-44s  invariants %s%n",
              lesson.number(),
              lesson.title(),
              lesson.invariants().isEmpty() ? "-" : Narration.join(lesson.invariants()));
        } catch (StudyRejectedException rejected) {
          bad++;
          rejected.problems().forEach(p -> err.println(p.render()));
        }
      }
      out.println();
      out.println("Run one with: rnicsim lesson run N   (configs/lessons/README.md is the course)");
      return bad > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
  }

  /** {@code rnicsim lesson run N}. */
  @Command(
      name = "run",
      description = {
        "Run lesson N (or a lesson file) and narrate it: one line per event with its simulated"
            + " time, actor, call or callback, status and the rule it shows. Also writes"
            + " narration.txt, timeline.png, timeline.svg and lesson.html to DIR."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:lesson run, and the verifier named exactly the invariants the lesson expects",
        "1:internal failure",
        "2:no such lesson, a bad lesson file, or a script that cannot go on",
        "3:the verifier named other invariants than the lesson's 'expect' (or some where it"
            + " expects none)"
      })
  static final class RunLesson implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help and exit.")
    boolean help;

    @Parameters(
        index = "0",
        paramLabel = "N|FILE",
        description = "the lesson's number (see 'rnicsim lesson list') or a lesson file")
    String which;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where to write the chart and page (default results/lessons/<lesson>).")
    Path out;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Read numbered lessons from DIR instead of the ones built into rnicsim.")
    Path folder;

    @Option(names = "--no-files", description = "Only narrate on the terminal; write nothing.")
    boolean noFiles;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter stdout = spec.commandLine().getOut();
      Lesson lesson;
      try {
        lesson = find(err);
        if (lesson == null) {
          return ExitCodes.BAD_INPUT;
        }
      } catch (StudyRejectedException rejected) {
        for (ConfigProblem problem : rejected.problems()) {
          err.println(problem.render());
        }
        int n = rejected.problems().size();
        err.println(
            "rnicsim: "
                + n
                + (n == 1 ? " problem" : " problems")
                + " in the lesson file; nothing was run");
        return ExitCodes.BAD_INPUT;
      }
      Timeline timeline;
      try {
        timeline = ScriptedConsumer.run(lesson.script());
      } catch (ScriptException stuck) {
        err.println(stuck.getMessage());
        err.println("rnicsim: the lesson cannot go on; nothing was written");
        return ExitCodes.BAD_INPUT;
      }
      String narration = Narration.render(lesson, timeline);
      stdout.print(narration);
      stdout.flush();
      if (!noFiles) {
        Path target = out != null ? out : Path.of("results", "lessons", lesson.slug());
        try {
          LessonOutput.publish(
              target, folder -> LessonFiles.write(lesson, timeline, narration, folder));
        } catch (OutputFolderException e) {
          err.println("rnicsim: " + e.getMessage());
          return ExitCodes.BAD_INPUT;
        }
        stdout.println();
        stdout.println(
            "Wrote " + target.resolve(LessonOutput.PAGE) + " (chart: timeline.png, .svg)");
      }
      if (!Narration.asExpected(lesson, timeline)) {
        List<Integer> expected = lesson.expectedViolations().stream().distinct().sorted().toList();
        err.println(
            "rnicsim: the lesson expects invariant(s) "
                + (expected.isEmpty() ? "none" : Narration.join(expected))
                + " but the verifier named "
                + (timeline.violatedInvariants().isEmpty()
                    ? "none"
                    : Narration.join(timeline.violatedInvariants())));
        return ExitCodes.RULES_BROKEN;
      }
      return ExitCodes.OK;
    }

    private Lesson find(PrintWriter err) throws IOException {
      if (which.matches("\\d{1,2}")) {
        int number = Integer.parseInt(which);
        LessonCatalog catalog = catalog(folder);
        var entry = catalog.byNumber(number);
        if (entry.isEmpty()) {
          err.println(
              "rnicsim: there is no lesson " + number + "; 'rnicsim lesson list' shows them");
          return null;
        }
        return entry.get().load();
      }
      Path file = Path.of(which);
      if (!Files.isRegularFile(file)) {
        err.println("rnicsim: '" + which + "' is neither a lesson number nor a lesson file");
        return null;
      }
      return LessonLoader.load(file, which);
    }
  }

  /** Writes what a lesson run leaves behind. */
  static final class LessonFiles {
    private LessonFiles() {}

    static void write(Lesson lesson, Timeline timeline, String narration, Path folder)
        throws IOException {
      Files.writeString(folder.resolve("narration.txt"), narration, StandardCharsets.UTF_8);
      int height = TimelineFiles.height(timeline);
      TimelineFiles.write(TimelineChart.create(lesson, timeline), height, folder);
      LessonPage.write(lesson, timeline, height, folder);
    }
  }
}
