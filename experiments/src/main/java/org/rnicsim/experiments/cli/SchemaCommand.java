package org.rnicsim.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
      "Regenerate the committed copy with: rnicsim schema --out configs/schema/rnicsim.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "write the schema to FILE (atomically) instead of printing it")
  Path out;

  @Override
  public Integer call() throws IOException {
    String schema = StudySchema.generate(WorkloadKinds.all());
    if (out == null) {
      spec.commandLine().getOut().print(schema);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    AtomicText.write(out, schema);
    spec.commandLine().getOut().println("schema: " + out);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
