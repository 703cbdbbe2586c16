package org.rnicsim.experiments.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnicsim.experiments.study.ChartChoice;

/**
 * Draws a kind's charts by name, each only when the study's {@code charts} key chose it, so an
 * unchosen chart costs nothing and leaves no file.
 */
public final class ChosenCharts {
  /** Draws one chart (PNG and SVG), or nothing when its data cannot make one. */
  @FunctionalInterface
  public interface Drawing {
    Optional<ChartFile> draw() throws IOException;
  }

  private final ChartChoice choice;
  private final List<ChartFile> files = new ArrayList<>();

  public ChosenCharts(ChartChoice choice) {
    this.choice = choice;
  }

  /** Draws the chart named {@code name} if it was chosen. */
  public ChosenCharts draw(String name, Drawing drawing) throws IOException {
    if (choice.draws(name)) {
      drawing.draw().ifPresent(files::add);
    }
    return this;
  }

  /** The charts drawn, in the order they were asked for. */
  public List<ChartFile> files() {
    return List.copyOf(files);
  }
}
