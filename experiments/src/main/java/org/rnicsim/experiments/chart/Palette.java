package org.rnicsim.experiments.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Colours, strokes and number formats every chart shares, so charts of one report match. */
public final class Palette {
  /**
   * Paul Tol's "muted" scheme: nine colours that stay distinct for the common colour blindnesses
   * and on white. Past nine series a chart repeats a colour only with another line style (see
   * {@link #stroke}), so no two series of one chart look alike.
   */
  private static final Color[] COLOURS = {
    // The darker ones first: most charts have a few series, and light ones are faint on white.
    new Color(0x33, 0x22, 0x88),
    new Color(0xcc, 0x66, 0x77),
    new Color(0x11, 0x77, 0x33),
    new Color(0x99, 0x99, 0x33),
    new Color(0x88, 0x22, 0x55),
    new Color(0x44, 0xaa, 0x99),
    new Color(0xaa, 0x44, 0x99),
    new Color(0x88, 0xcc, 0xee),
    new Color(0xdd, 0xcc, 0x77),
  };

  /** For targets and references: black, never a series colour. */
  public static final Color TARGET = Color.BLACK;

  private Palette() {}

  public static Color colour(int index) {
    return COLOURS[Math.floorMod(index, COLOURS.length)];
  }

  public static int size() {
    return COLOURS.length;
  }

  /**
   * The line of series {@code index} among series that are told apart by colour alone: solid for
   * the first round of colours, dotted for the second, dash-dotted after.
   */
  public static Stroke stroke(int index) {
    int round = Math.floorDiv(index, COLOURS.length);
    if (round == 0) {
      return solid();
    }
    float[] pattern = round == 1 ? new float[] {2f, 3f} : new float[] {8f, 3f, 2f, 3f};
    return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f);
  }

  public static Stroke solid() {
    return new BasicStroke(1.8f);
  }

  public static Stroke dashed() {
    return new BasicStroke(
        1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /**
   * Tick labels in the root locale: the axes would otherwise follow the machine's locale and draw
   * "0,5" on one machine and "0.5" on another from the same study.
   */
  public static NumberFormat numbers() {
    return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }
}
