package org.rnicsim.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyLoader;

/**
 * A sweep starts its largest jobs first, so that the last job to end is a small one and no core
 * idles while one straggler runs; jobs alike keep grid order.
 */
class JobOrderTest {
  @TempDir Path dir;

  private List<Job> jobs(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("study.yaml"), yaml);
    Study study =
        new StudyLoader(WorkloadKinds.all())
            .load(file, "study.yaml", List.of(), StudyLoader.Expansion.SWEEP);
    return JobPlanner.jobs(study, "test");
  }

  private static String openLoop(String sizes) {
    return String.join(
        "\n",
        "name: order",
        "topology: {shape: switch}",
        "run: {replications: 2, warmUp: 10us, duration: 100us}",
        "workload: {kind: open-loop, operations: [write], sizes: " + sizes + ", rate: 100Kops/s}",
        "sweep:",
        "  - path: topology.clients",
        "    values: [1, 4, 2]",
        "");
  }

  @Test
  void whenClientsAreSwept_thenTheMostClientsRunFirstAndTheFewestLast() throws Exception {
    List<Job> ordered = JobRunner.largestFirst(jobs(openLoop("[4KiB]")));

    List<Integer> clients =
        ordered.stream()
            .map(job -> job.point().plan().workload())
            .map(JobOrderTest::clients)
            .toList();
    assertEquals(List.of(4, 4, 2, 2, 1, 1), clients);
    // Ties keep grid order: replication 0 before replication 1.
    assertEquals(List.of(0, 1), ordered.subList(0, 2).stream().map(Job::replication).toList());
  }

  @Test
  void whenMessagesSpanSeveralPackets_thenLargerMessagesRunFirst() throws Exception {
    List<Job> grid = jobs(openLoop("[64B, 64KiB]"));
    List<Job> ordered = JobRunner.largestFirst(grid);

    // 4 clients x 16 packets of a 64 KiB message come before 4 clients x 1 packet of 64 B.
    Job first = ordered.get(0);
    assertEquals(1, first.caseIndex(), "the 64 KiB case");
    assertEquals(4, clients(first.point().plan().workload()));
    assertEquals(0, ordered.get(ordered.size() - 1).caseIndex(), "a 64 B case ends the run");
    assertEquals(1, clients(ordered.get(ordered.size() - 1).point().plan().workload()));
  }

  @Test
  void whenEveryJobIsAlike_thenGridOrderStays() throws Exception {
    String mm1 =
        String.join(
            "\n",
            "name: alike",
            "run: {replications: 3, warmUp: 1us, duration: 10us}",
            "workload: {kind: mm1, meanServiceTime: 1us, loads: [0.5]}",
            "");
    List<Job> grid = jobs(mm1);

    assertEquals(grid, JobRunner.largestFirst(grid));
  }

  private static int clients(org.rnicsim.experiments.study.WorkloadPlan plan) {
    return ((org.rnicsim.experiments.rdma.RdmaPlan) plan).testbed().topology().clients();
  }
}
