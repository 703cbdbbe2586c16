package org.rnicsim.experiments.study;

import java.util.Locale;
import org.rnicsim.model.profile.PortProfile;
import org.rnicsim.model.testbed.LeafSpine;

/**
 * The leaf-spine keys of the topology section: the fabric's size, its uplinks, room for the study's
 * machines, and a switch buffer that keeps every leaf and spine lossless. Host links run at the
 * adapters' port rate over the profile's cable ({@code hardware.port}).
 */
final class LeafSpineChecks {
  /** Switches of each tier; a sane bound on what one simulation builds. */
  static final int MAX_SWITCHES = 32;

  /** Machines the leaves may hold: each is simulated whole, as on one switch's 64 ports. */
  static final int MAX_HOSTS = TopologySection.MAX_CLIENTS + 1;

  private LeafSpineChecks() {}

  /** The fabric, or null after reporting what is wrong with its keys. */
  static LeafSpine validate(Problems problems, String path, TopologySection section, int machines) {
    int before = problems.count();
    Integer leaves = count(problems, path + ".leaves", section.leaves(), 2, MAX_SWITCHES);
    Integer spines = count(problems, path + ".spines", section.spines(), 1, MAX_SWITCHES);
    String hostsPath = path + ".hostsPerLeaf";
    Integer hostsPerLeaf = count(problems, hostsPath, section.hostsPerLeaf(), 1, MAX_HOSTS);
    String ratePath = path + ".spineLinkRate";
    Long rate = problems.bitsPerSecond(section.spineLinkRate(), ratePath);
    if (rate != null) {
      problems.check(
          rate >= 1_000_000_000L && rate <= 1_600_000_000_000L,
          ratePath,
          "be between 1Gbps and 1600Gbps",
          section.spineLinkRate());
    }
    String delayPath = path + ".spineLinkDelay";
    Long delayPs = problems.durationPs(section.spineLinkDelay(), delayPath);
    if (delayPs != null) {
      problems.check(
          delayPs >= 0 && delayPs <= 1_000_000_000L,
          delayPath,
          "be between 0ns and 1ms",
          section.spineLinkDelay());
    }
    if (leaves != null && hostsPerLeaf != null) {
      long hosts = (long) leaves * hostsPerLeaf;
      if (hosts > MAX_HOSTS) {
        problems.report(
            hostsPath,
            String.format(
                Locale.ROOT,
                "'%s' must give at most %d machines with '%s.leaves' (got %d leaves of %d = %d)",
                hostsPath,
                MAX_HOSTS,
                path,
                leaves,
                hostsPerLeaf,
                hosts));
      }
      if (hosts <= MAX_HOSTS && machines > hosts) {
        problems.report(
            path + ".clients",
            String.format(
                Locale.ROOT,
                "'%s.clients' needs %d machines with the server, but the leaf-spine has ports for"
                    + " %d (%d leaves of %d hosts; raise '%s')",
                path,
                machines,
                hosts,
                leaves,
                hostsPerLeaf,
                hostsPath));
      }
    }
    if (problems.count() > before) {
      return null;
    }
    return new LeafSpine(leaves, spines, hostsPerLeaf, rate, delayPs, true);
  }

  /**
   * Refuses a buffer that cannot give every port of a leaf or a spine its PFC share; reported at
   * the key that sets that switch's port count, as the star reports at its clients.
   */
  static void checkLossless(
      Problems problems, String path, TopologyPlan plan, PortProfile port, String switchBuffer) {
    LeafSpine fabric = plan.leafSpine();
    long neededBytes = fabric.minimumBufferBytes(port);
    if (plan.switchBufferBytes() >= neededBytes) {
      return;
    }
    problems.report(
        path + ".hostsPerLeaf",
        String.format(
            Locale.ROOT,
            "'%s.switchBuffer' %s is too small for a lossless leaf-spine of %d leaves (%d host and"
                + " %d spine ports each) and %d spines: to give every port its PFC headroom, each"
                + " output queue needs at least %s",
            path,
            switchBuffer,
            fabric.leaves(),
            fabric.hostsPerLeaf(),
            fabric.spines(),
            fabric.spines(),
            TopologySection.sizeAtLeast(neededBytes)));
  }

  private static Integer count(Problems problems, String path, Integer value, int min, int max) {
    if (problems.require(value, path) == null) {
      return null;
    }
    problems.check(value >= min && value <= max, path, "be between " + min + " and " + max, value);
    return value >= min && value <= max ? value : null;
  }
}
