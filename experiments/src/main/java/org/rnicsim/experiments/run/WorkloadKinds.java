package org.rnicsim.experiments.run;

import java.util.List;
import org.rnicsim.experiments.dma.DmaPlan;
import org.rnicsim.experiments.dma.DmaWorkload;
import org.rnicsim.experiments.flows.FlowsReport;
import org.rnicsim.experiments.flows.FlowsWorkload;
import org.rnicsim.experiments.ndkscript.NdkScriptReport;
import org.rnicsim.experiments.ndkscript.NdkScriptWorkload;
import org.rnicsim.experiments.queueing.Mm1Plan;
import org.rnicsim.experiments.queueing.Mm1Workload;
import org.rnicsim.experiments.rdma.BandwidthPlan;
import org.rnicsim.experiments.rdma.BandwidthWorkload;
import org.rnicsim.experiments.rdma.LatencyPlan;
import org.rnicsim.experiments.rdma.LatencyWorkload;
import org.rnicsim.experiments.rdma.OpenLoopPlan;
import org.rnicsim.experiments.rdma.OpenLoopWorkload;
import org.rnicsim.experiments.rdma.report.RdmaReport;
import org.rnicsim.experiments.report.KindReport;
import org.rnicsim.experiments.storm.ConnectionStormReport;
import org.rnicsim.experiments.storm.ConnectionStormWorkload;
import tools.jackson.databind.jsontype.NamedType;

/**
 * Every workload a study file may name after {@code kind:}, and the report each kind adds to the
 * generic files. Adding a workload is one line here plus its record; the loader, validation and
 * runner need no change.
 */
public final class WorkloadKinds {
  private WorkloadKinds() {}

  /** The charts, tables and terminal summary {@code kind} adds. */
  public static KindReport reportFor(String kind) {
    return switch (kind) {
      case LatencyPlan.KIND, BandwidthPlan.KIND, OpenLoopPlan.KIND -> new RdmaReport();
      case NdkScriptWorkload.KIND -> new NdkScriptReport();
      case ConnectionStormWorkload.KIND -> new ConnectionStormReport();
      case FlowsWorkload.KIND -> new FlowsReport();
      default -> KindReport.NONE;
    };
  }

  public static List<NamedType> all() {
    return List.of(
        new NamedType(Mm1Workload.class, Mm1Plan.KIND),
        new NamedType(LatencyWorkload.class, LatencyPlan.KIND),
        new NamedType(BandwidthWorkload.class, BandwidthPlan.KIND),
        new NamedType(OpenLoopWorkload.class, OpenLoopPlan.KIND),
        new NamedType(NdkScriptWorkload.class, NdkScriptWorkload.KIND),
        new NamedType(DmaWorkload.class, DmaPlan.KIND),
        new NamedType(ConnectionStormWorkload.class, ConnectionStormWorkload.KIND),
        new NamedType(FlowsWorkload.class, FlowsWorkload.KIND));
  }
}
