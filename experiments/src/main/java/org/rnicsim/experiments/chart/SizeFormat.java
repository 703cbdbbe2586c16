package org.rnicsim.experiments.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels for message sizes in bytes: 32 B, 4 KiB, 1 MiB. */
final class SizeFormat extends NumberFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
    return format(Math.round(number), to, pos);
  }

  @Override
  public StringBuffer format(long bytes, StringBuffer to, FieldPosition pos) {
    if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
      return to.append(bytes >> 30).append(" GiB");
    }
    if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
      return to.append(bytes >> 20).append(" MiB");
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return to.append(bytes >> 10).append(" KiB");
    }
    return to.append(bytes).append(" B");
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    return null;
  }
}
