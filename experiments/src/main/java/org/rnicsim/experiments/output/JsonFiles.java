package org.rnicsim.experiments.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes result records as indented JSON; field order comes from the records'
 * {@code @JsonPropertyOrder}.
 */
public final class JsonFiles {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Decimal values are rounded BigDecimals; plain notation keeps them readable (5E+7 is
          // not).
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private JsonFiles() {}

  public static void write(Path file, Object value) throws IOException {
    // The pretty printer ends lines with the platform separator; results should not depend on the
    // platform.
    String text = MAPPER.writeValueAsString(value).replace("\r\n", "\n");
    Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
  }
}
