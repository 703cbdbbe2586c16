package org.rnicsim.experiments.calibrate;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * configs/calibration/figures.yaml, bound.
 *
 * @param figures the rows, in the order the report prints them
 */
public record FigureTable(List<CalibrationFigure> figures) {
  /** Where the table lives in the checkout, relative to its root. */
  public static final Path DEFAULT_FILE = Path.of("configs", "calibration", "figures.yaml");

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(
              DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
              DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public FigureTable {
    figures = List.copyOf(figures);
  }

  /** Reads the table; a Jackson exception (with line and column) when it does not bind. */
  public static FigureTable read(Path file) {
    return YAML.readValue(file.toFile(), FigureTable.class);
  }
}
