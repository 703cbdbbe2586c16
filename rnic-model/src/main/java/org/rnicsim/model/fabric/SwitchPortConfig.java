package org.rnicsim.model.fabric;

/**
 * What differs between the ports of one switch: a leaf's ports to its hosts and its ports to the
 * spines may run at different rates over cables of different lengths, so each has its own PFC
 * headroom and hence its own XOFF (see {@link PfcBudget}).
 *
 * @param rateBitsPerSecond the port's line rate
 * @param pfcXoffBytes bytes that came in through the port and are still in the switch above which
 *     PFC pauses its link partner
 * @param pfcXonBytes bytes below which PFC lets the partner send again
 */
public record SwitchPortConfig(long rateBitsPerSecond, long pfcXoffBytes, long pfcXonBytes) {

  public SwitchPortConfig {
    if (rateBitsPerSecond <= 0 || pfcXonBytes < 0 || pfcXonBytes >= pfcXoffBytes) {
      throw new IllegalArgumentException(
          "bad switch port: "
              + rateBitsPerSecond
              + " bit/s, XOFF "
              + pfcXoffBytes
              + " B, XON "
              + pfcXonBytes
              + " B");
    }
  }

  /** Every port as {@code config} says (one rate, one XOFF and XON). */
  static SwitchPortConfig uniform(SwitchConfig config) {
    long xoffBytes = config.pfc() ? config.pfcXoffBytes() : 1;
    long xonBytes = config.pfc() ? config.pfcXonBytes() : 0;
    return new SwitchPortConfig(config.rateBitsPerSecond(), xoffBytes, xonBytes);
  }
}
