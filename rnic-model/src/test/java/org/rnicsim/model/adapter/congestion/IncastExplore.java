package org.rnicsim.model.adapter.congestion;

import org.rnicsim.engine.SimTime;
import org.rnicsim.model.profile.CongestionControlMode;

/** Prints the incast rig's time series (not a test: a tool for docs/calibration-dcqcn.md). */
final class IncastExplore {
  public static void main(String[] args) {
    CongestionControlMode mode = CongestionControlMode.valueOf(args[0]);
    int senders = Integer.parseInt(args[1]);
    long ms = Long.parseLong(args[2]);
    IncastRig rig = new IncastRig(senders, mode, 1);
    rig.start().advance(ms * SimTime.PS_PER_MS);
    int per = 50; // 500 us windows
    for (int w = 0; w + per <= rig.senderBytes.size(); w += per) {
      StringBuilder line = new StringBuilder(String.format("%6.2f ms", (w + per) * 0.01));
      long maxQ = 0;
      long sumQ = 0;
      for (int s = w; s < w + per; s++) {
        maxQ = Math.max(maxQ, rig.queueBytes.get(s));
        sumQ += rig.queueBytes.get(s);
      }
      line.append(String.format(" q avg %7d max %7d |", sumQ / per, maxQ));
      for (int i = 0; i < senders; i++) {
        line.append(String.format(" %5.1f", rig.throughput(i, w, w + per) / 1e9));
      }
      System.out.println(line);
    }
    System.out.println(
        "pauses " + rig.pauses() + " marks " + rig.ecnMarks() + " cnps " + rig.cnpsSent());
  }
}
