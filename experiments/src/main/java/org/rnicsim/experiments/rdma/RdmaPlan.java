package org.rnicsim.experiments.rdma;

import java.util.List;
import org.rnicsim.experiments.rdma.sim.NdkOutcome;
import org.rnicsim.experiments.rdma.sim.RunOutcome;
import org.rnicsim.experiments.rdma.sim.Transfers;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.WorkloadPlan;

/**
 * What the RDMA report needs to know of any RDMA loop besides its metrics, and what every loop
 * shares: its cases are its transfers, its metrics follow from its shape, and it is described as
 * its own parameters then the testbed's.
 */
public interface RdmaPlan extends WorkloadPlan {
  TestbedPlan testbed();

  Transfers transfers();

  RdmaMetrics.Shape shape();

  /** The loop's own half of {@link #describe()}: what it runs, with its parameters. */
  String describeLoop();

  @Override
  default String describe() {
    return describeLoop()
        + "; "
        + testbed().hardware().name()
        + ", "
        + testbed().topology().describe()
        + ", "
        + testbed().completion().describe();
  }

  @Override
  default CaseAxis cases() {
    return transfers().cases();
  }

  /** Whether the loop runs as an NDK consumer ({@code api: ndk}), adding the verifier's count. */
  default boolean ndk() {
    return false;
  }

  @Override
  default List<Metric> metrics() {
    return ndk() ? NdkApi.withViolations(RdmaMetrics.of(shape())) : RdmaMetrics.of(shape());
  }

  @Override
  default List<String> ownCharts() {
    return RdmaChartNames.of(shape());
  }

  /** The measurement of one job from its run's outcome, in the order of {@link #metrics()}. */
  default Measurement measurement(RunOutcome outcome) {
    return new Measurement(RdmaMetrics.values(shape(), outcome), outcome.eventsExecuted());
  }

  /** The measurement of one {@code api: ndk} job, its violations last. */
  default Measurement measurement(NdkOutcome outcome) {
    return NdkApi.withViolations(measurement(outcome.run()), outcome.violations());
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
