package org.rnicsim.experiments.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Saves a chart as {@code name.png} and {@code name.svg}, both byte-identical across reruns. */
public final class ChartFiles {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 560;

  private ChartFiles() {}

  /** Writes both files into {@code folder}; returns the PNG's path. */
  public static Path write(JFreeChart chart, Path folder, String name) throws IOException {
    Path png = folder.resolve(name + ".png");
    writePng(chart, png);
    writeSvg(chart, folder.resolve(name + ".svg"), name);
    return png;
  }

  static void writePng(JFreeChart chart, Path file) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    } finally {
      g2.dispose();
    }
    // ImageIO's PNG writer adds no time chunk, so equal pixels give equal bytes.
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  static void writeSvg(JFreeChart chart, Path file, String name) throws IOException {
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    // The default prefix of clip-path and gradient ids is derived from System.nanoTime(), which
    // would make
    // every rerun's SVG differ; the chart's name is unique within its results folder.
    g2.setDefsKeyPrefix(name + "-");
    chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
  }
}
