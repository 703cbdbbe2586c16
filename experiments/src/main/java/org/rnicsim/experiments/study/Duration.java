package org.rnicsim.experiments.study;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A duration written with its unit ({@code "5us"}), in picoseconds once bound.
 *
 * @param ps the duration in picoseconds, never negative
 */
@JsonDeserialize(using = Duration.Reader.class)
public record Duration(long ps) {
  static final class Reader extends QuantityReader<Duration> {
    Reader() {
      super(Quantity.DURATION, "5us");
    }

    @Override
    Duration of(long ps) {
      return new Duration(ps);
    }
  }
}
