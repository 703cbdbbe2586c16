package org.rnicsim.experiments.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyInputs;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyRejectedException;
import org.rnicsim.experiments.sweep.Job;
import org.rnicsim.experiments.sweep.JobPlanner;

/**
 * A size CDF a study names by path is part of what its jobs depend on: editing the file changes
 * every job's fingerprint (a resumed sweep reruns them), and the study a cluster member receives
 * carries the file's text, so the member plans the same jobs without the file.
 */
class FlowSizeFileTest {
  @TempDir Path dir;

  private static final String STUDY =
      String.join(
          "\n",
          "name: own-cdf",
          "topology: {shape: switch, clients: 3}",
          "run: {replications: 2, warmUp: 10us, duration: 100us}",
          "workload: {kind: flows, sizes: sizes/mine.txt, pattern: all-to-all, loads: [0.3, 0.5]}",
          "");

  private static final String CDF = "# bytes percent\n1000 0\n5000 60\n100000 100\n";

  private Path writeStudy(String cdf) throws Exception {
    Files.createDirectories(dir.resolve("sizes"));
    Files.writeString(dir.resolve("sizes/mine.txt"), cdf);
    return Files.writeString(dir.resolve("own-cdf.yaml"), STUDY);
  }

  private static Study load(Path file) {
    return new StudyLoader(WorkloadKinds.all())
        .load(file, file.toString(), List.of(), StudyLoader.Expansion.SWEEP);
  }

  private static List<String> fingerprints(Study study) {
    return JobPlanner.jobs(study, "test").stream().map(Job::fingerprint).toList();
  }

  @Test
  void whenTheCdfFileIsEdited_thenEveryJobsFingerprintChanges() throws Exception {
    List<String> before = fingerprints(load(writeStudy(CDF)));
    List<String> same = fingerprints(load(writeStudy(CDF)));
    List<String> after = fingerprints(load(writeStudy(CDF.replace("5000 60", "5000 70"))));

    assertEquals(before, same);
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertNotEquals(before.get(i), after.get(i), "job " + i + " kept its fingerprint");
    }
  }

  @Test
  void whenAJobTravels_thenItCarriesTheCdfAndAMemberPlansTheSameJobsWithoutTheFile()
      throws Exception {
    Path file = writeStudy(CDF);
    Study driver = load(file);

    JobMessages.StudyText sent =
        JobMessages.MAPPER.readValue(
            JobMessages.studyText(file, driver), JobMessages.StudyText.class);
    assertEquals(java.util.Map.of("sizes/mine.txt", CDF), sent.inputs());

    // The member has the study's text only: its folder has no sizes/ at all.
    Files.delete(dir.resolve("sizes/mine.txt"));
    Path memberFolder = Files.createDirectory(dir.resolve("member"));
    Study member =
        new StudyLoader(WorkloadKinds.all())
            .readingInputs(StudyInputs.carried(sent.inputs()))
            .load(
                sent.text(),
                memberFolder.resolve(sent.fileName()),
                sent.fileName(),
                sent.settings(),
                StudyLoader.Expansion.SWEEP);

    assertEquals(fingerprints(driver), fingerprints(member));
    // And without the carried text the member refuses the study rather than read a file.
    assertThrows(
        StudyRejectedException.class,
        () ->
            new StudyLoader(WorkloadKinds.all())
                .readingInputs(StudyInputs.carried(java.util.Map.of()))
                .load(
                    sent.text(),
                    dir.resolve(sent.fileName()),
                    sent.fileName(),
                    sent.settings(),
                    StudyLoader.Expansion.SWEEP));
  }

  @Test
  void whenTheCdfIsAFolderOrTooLarge_thenTheStudyIsRefusedSayingWhy() throws Exception {
    Path file = writeStudy(CDF);
    Files.delete(dir.resolve("sizes/mine.txt"));
    Files.createDirectory(dir.resolve("sizes/mine.txt"));
    StudyRejectedException folder = assertThrows(StudyRejectedException.class, () -> load(file));
    assertTrue(folder.getMessage().contains("is not a regular file"), folder.getMessage());

    Files.delete(dir.resolve("sizes/mine.txt"));
    Files.writeString(dir.resolve("sizes/mine.txt"), "1000 0\n".repeat(200_000) + "2000 100\n");
    StudyRejectedException large = assertThrows(StudyRejectedException.class, () -> load(file));
    assertTrue(large.getMessage().contains("larger than 1048576 bytes"), large.getMessage());
  }
}
