package org.rnicsim.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.calibrate.Calibration;
import org.rnicsim.experiments.calibrate.CalibrationReport;
import org.rnicsim.experiments.calibrate.FigureResult;
import org.rnicsim.experiments.calibrate.FigureTable;
import org.rnicsim.experiments.output.AtomicText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code rnicsim calibrate}: every calibration figure, run and compared with its tolerance. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run every calibration figure of configs/calibration/figures.yaml (the entries of"
          + " docs/calibration.md) through its study file and compare the model with the published"
          + " value: figure, source, conditions, published, model, error, tolerance, tuned or"
          + " held-out, pass.",
      "Writes the table as markdown to DIR/calibration.md (atomically); the README's calibration"
          + " table is that report."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every figure within its tolerance",
      "1:internal failure",
      "2:bad arguments, figures file or study file",
      "3:at least one figure outside its tolerance (the report says which)"
    })
final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "only the figures whose study runs on hardware profile NAME")
  String profile;

  @Option(names = "--json", description = "print the results as JSON instead of a table")
  boolean json;

  @Option(
      names = "--figures",
      paramLabel = "FILE",
      description = "the figures table (default: ${DEFAULT-VALUE})")
  Path figuresFile = FigureTable.DEFAULT_FILE;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "where calibration.md goes (default: ${DEFAULT-VALUE})")
  Path out = Path.of("results", "calibration");

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(figuresFile)) {
      err.println(
          "rnicsim: no figures table at " + figuresFile + " (run from the checkout's root)");
      return ExitCodes.BAD_INPUT;
    }
    FigureTable table;
    try {
      table = FigureTable.read(figuresFile);
    } catch (JacksonException e) {
      err.println("rnicsim: " + figuresFile + ": " + e.getOriginalMessage() + locationOf(e));
      return ExitCodes.BAD_INPUT;
    }
    List<FigureResult> results;
    try {
      results = new Calibration().run(figuresFile, table.figures(), profile);
    } catch (IllegalArgumentException e) {
      err.println("rnicsim: " + figuresFile + ": " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    if (results.isEmpty()) {
      err.println("rnicsim: no calibration figure runs on profile '" + profile + "'");
      return ExitCodes.BAD_INPUT;
    }
    AtomicText.write(out.resolve("calibration.md"), CalibrationReport.markdown(results));
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(
          JsonMapper.builder()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .build()
              .writeValueAsString(CalibrationReport.json(results)));
    } else {
      stdout.print(CalibrationReport.terminal(results));
      stdout.println("report: " + out.resolve("calibration.md"));
    }
    stdout.flush();
    return results.stream().allMatch(FigureResult::passes)
        ? ExitCodes.OK
        : ExitCodes.CALIBRATION_FAILED;
  }

  private static String locationOf(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
