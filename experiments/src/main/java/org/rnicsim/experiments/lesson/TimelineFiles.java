package org.rnicsim.experiments.lesson;

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
import org.rnicsim.ndk.consumer.Timeline;

/**
 * Writes a lesson's timeline chart as {@code timeline.png} and {@code timeline.svg}, sized to its
 * number of lanes, byte-identical across reruns (no time chunk in the PNG, fixed SVG id prefix).
 */
final class TimelineFiles {
  static final String NAME = "timeline";
  static final int WIDTH = 1100;
  private static final int HEADER_PX = 150;
  private static final int LANE_PX = 30;

  private TimelineFiles() {}

  static int height(Timeline timeline) {
    return Math.max(420, HEADER_PX + LANE_PX * TimelineChart.lanes(timeline).size());
  }

  static void write(JFreeChart chart, int height, Path folder) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
    } finally {
      g2.dispose();
    }
    if (!ImageIO.write(image, "png", folder.resolve(NAME + ".png").toFile())) {
      throw new IOException("no PNG writer available");
    }
    SVGGraphics2D svg = new SVGGraphics2D(WIDTH, height);
    // The default id prefix comes from System.nanoTime(); a fixed one keeps reruns identical.
    svg.setDefsKeyPrefix(NAME + "-");
    chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, height));
    Files.writeString(folder.resolve(NAME + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
  }
}
