package org.rnicsim.experiments.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnicsim.experiments.ExitCodes;
import org.rnicsim.experiments.output.AtomicText;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.schema.StudySchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rnicsim schema [--out FILE]}: the JSON Schema of study files. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the JSON Schema of study files, generated from the records they bind to.",
      "Editors use it to complete and check studies: the example files start with",
      "  # yaml-language-server: $schema=schema/rnicsim.schema.json",
      "Regenerate the committed copy with:",
      "  rnicsim schema --force --out configs/schema/rnicsim.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "write the schema to FILE (atomically) instead of printing it")
  Path out;

  @Option(
      names = "--force",
      description = "replace FILE if it exists (without it, an existing FILE is refused)")
  boolean force;

  @Override
  public Integer call() {
    String schema = StudySchema.generate(WorkloadKinds.all());
    if (out == null) {
      spec.commandLine().getOut().print(schema);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
      return refuse(out + " exists; add --force to replace it");
    }
    try {
      AtomicText.write(target, schema);
    } catch (IOException e) {
      // A folder that cannot hold files (/proc, a read-only mount) is the user's choice of path.
      return refuse("cannot write " + out + ": " + reason(e));
    }
    spec.commandLine().getOut().println("schema: " + out);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int refuse(String message) {
    spec.commandLine().getErr().println("rnicsim schema: " + message);
    spec.commandLine().getErr().flush();
    return ExitCodes.BAD_INPUT;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder does not exist or takes no new files";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
