package org.rnicsim.model.adapter.firmware;

import org.rnicsim.engine.random.SimRandom;

/** How long the adapter takes to execute one command of a kind, drawn when the command starts. */
public sealed interface CommandLatency {

  /** One draw in picoseconds for a command describing {@code pageCount} pages. */
  long drawPs(SimRandom random, long pageCount);

  /** Always the same. */
  record Fixed(long latencyPs) implements CommandLatency {
    public Fixed {
      requireNonNegative(latencyPs, "fixed latency");
    }

    @Override
    public long drawPs(SimRandom random, long pageCount) {
      return latencyPs;
    }
  }

  /** Uniform between both bounds, inclusive. */
  record Uniform(long minPs, long maxPs) implements CommandLatency {
    public Uniform {
      requireNonNegative(minPs, "uniform minimum");
      if (maxPs < minPs) {
        throw new IllegalArgumentException(
            "uniform latency needs min <= max, was " + minPs + " > " + maxPs + " ps");
      }
    }

    @Override
    public long drawPs(SimRandom random, long pageCount) {
      return random.uniformLong(minPs, maxPs + 1);
    }
  }

  /** Exponential with the given mean. */
  record Exponential(long meanPs) implements CommandLatency {
    public Exponential {
      requireNonNegative(meanPs, "exponential mean");
    }

    @Override
    public long drawPs(SimRandom random, long pageCount) {
      return random.exponentialPs(meanPs);
    }
  }

  /** A base latency plus a fixed time per page: memory registration writes one entry per page. */
  record PerPage(CommandLatency base, long perPagePs) implements CommandLatency {
    public PerPage {
      if (base == null) {
        throw new IllegalArgumentException("a per-page latency needs a base latency");
      }
      requireNonNegative(perPagePs, "per-page latency");
    }

    @Override
    public long drawPs(SimRandom random, long pageCount) {
      return Math.addExact(
          base.drawPs(random, pageCount), Math.multiplyExact(perPagePs, pageCount));
    }
  }

  private static void requireNonNegative(long valuePs, String what) {
    if (valuePs < 0) {
      throw new IllegalArgumentException(what + " must be >= 0 ps, was " + valuePs);
    }
  }
}
