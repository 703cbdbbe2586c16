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
  /** Distinct on white and for common colour blindness (the Tableau 10 order). */
  private static final Color[] COLOURS = {
    new Color(0x1f, 0x77, 0xb4),
    new Color(0xff, 0x7f, 0x0e),
    new Color(0x2c, 0xa0, 0x2c),
    new Color(0x94, 0x67, 0xbd),
    new Color(0x8c, 0x56, 0x4b),
    new Color(0xe3, 0x77, 0xc2),
    new Color(0x7f, 0x7f, 0x7f),
    new Color(0xbc, 0xbd, 0x22),
    new Color(0x17, 0xbe, 0xcf),
  };

  /** For targets and references: the one red, never a series colour. */
  public static final Color TARGET = new Color(0xd6, 0x27, 0x28);

  private Palette() {}

  public static Color colour(int index) {
    return COLOURS[Math.floorMod(index, COLOURS.length)];
  }

  public static int size() {
    return COLOURS.length;
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
