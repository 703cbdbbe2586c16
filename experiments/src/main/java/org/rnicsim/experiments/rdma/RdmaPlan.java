package org.rnicsim.experiments.rdma;

import java.util.List;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.WorkloadPlan;

/** What the RDMA report needs to know of any RDMA loop besides its metrics. */
public interface RdmaPlan extends WorkloadPlan {
  TestbedPlan testbed();

  Transfers transfers();

  RdmaMetrics.Shape shape();

  @Override
  default List<String> ownCharts() {
    return RdmaChartNames.of(shape());
  }

  /**
   * Packets one message of case {@code caseIndex} takes on the wire, times the clients sending:
   * what the event count of a job grows with for a fixed number of messages per client.
   */
  default double packetsPerRound(int caseIndex) {
    long mtuBytes = testbed().hardware().port().mtuBytes();
    long packets = Math.max(1, (transfers().sizeBytes(caseIndex) + mtuBytes - 1) / mtuBytes);
    return (double) packets * testbed().topology().clients();
  }

  /** The latency the study wants to stay under at the 99th percentile, or 0 for none. */
  default long p99TargetPs() {
    return 0;
  }
}
