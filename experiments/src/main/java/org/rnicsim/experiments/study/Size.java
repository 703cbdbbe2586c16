package org.rnicsim.experiments.study;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A size written with its unit ({@code "64B"}, {@code "4KiB"}), in bytes once bound.
 *
 * @param bytes the size in bytes
 */
@JsonDeserialize(using = Size.Reader.class)
public record Size(long bytes) {
  static final class Reader extends QuantityReader<Size> {
    Reader() {
      super(Quantity.SIZE, "64B");
    }

    @Override
    Size of(long bytes) {
      return new Size(bytes);
    }
  }
}
