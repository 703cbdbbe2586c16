package org.rnicsim.experiments.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.rnicsim.experiments.BuildInfo;

/**
 * Starts this process's Hazelcast members, each joined by a TCP-IP member list only (no multicast,
 * no cloud auto-detection), no phone-home, Hazelcast's own logging off. There are two kinds:
 *
 * <ul>
 *   <li>the <em>lobby</em>, named from the rnicsim version, on each member's {@code --port}: it
 *       carries no jobs, only who is there; a driver's lobby member names its study cluster in an
 *       attribute, which is how workers learn of it;
 *   <li>a <em>study cluster</em> per running study, named from the version and the study's
 *       fingerprint, on the first free port after {@code --port}: the driver and the workers that
 *       joined it for that study, and no one else. Two studies never share one, so their jobs
 *       cannot mix.
 * </ul>
 */
final class ClusterMember {
  /** The executor every study member runs jobs on; its pool is the member's {@code --jobs}. */
  static final String EXECUTOR = "rnicsim-jobs";

  /** How many jobs a member runs at once, so the driver hands it no more than that. */
  static final String THREADS_ATTRIBUTE = "rnicsim.threads";

  static final String VERSION_ATTRIBUTE = "rnicsim.version";

  /**
   * On a driver's lobby member: {@code CLUSTER-NAME@HOST:PORT}, its study cluster and where its
   * member of it listens.
   */
  static final String STUDY_ATTRIBUTE = "rnicsim.study";

  /**
   * In a study member's user context: the worker's {@link Semaphore} of {@code --jobs} permits,
   * shared by all the studies it serves at once.
   */
  static final String JOB_SLOTS = "rnicsim.jobSlots";

  private ClusterMember() {}

  /** The lobby member: this process's {@code --port}, the listed members, no jobs. */
  static HazelcastInstance startLobby(ClusterOptions options, Map<String, String> attributes) {
    Config config = common(lobbyName(BuildInfo.version()), options.loopbackOnly());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(false);
    options.members().forEach(member -> network.getJoin().getTcpIpConfig().addMember(member));
    attributes.forEach(config.getMemberAttributeConfig()::setAttribute);
    return start(config, "port " + options.port());
  }

  /**
   * A member of study cluster {@code name}, listening on the first free of the study ports after
   * {@code --port}, joining {@code members} (none for the driver, which founds it) and running up
   * to {@code options.threads()} jobs at once, or fewer when {@code slots} runs out.
   */
  static HazelcastInstance startStudy(
      ClusterOptions options, String name, List<String> members, Semaphore slots) {
    Config config = common(name, options.loopbackOnly());
    // The driver is alone at first, and workers come one by one as they hear of the study: no
    // point waiting for more before forming it or admitting each.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    NetworkConfig network = config.getNetworkConfig();
    network
        .setPort(options.port() + 1)
        .setPortAutoIncrement(true)
        .setPortCount(ClusterOptions.STUDY_PORTS);
    members.forEach(member -> network.getJoin().getTcpIpConfig().addMember(member));
    config
        .getMemberAttributeConfig()
        .setAttribute(THREADS_ATTRIBUTE, Integer.toString(options.threads()))
        .setAttribute(VERSION_ATTRIBUTE, BuildInfo.version());
    config.getExecutorConfig(EXECUTOR).setPoolSize(options.threads()).setStatisticsEnabled(false);
    config
        .getSerializationConfig()
        .addDataSerializableFactory(SweepTask.FACTORY_ID, new SweepTask.Factory());
    if (slots != null) {
      config.getUserContext().put(JOB_SLOTS, slots);
    }
    return start(
        config,
        "ports " + (options.port() + 1) + "-" + (options.port() + ClusterOptions.STUDY_PORTS));
  }

  private static HazelcastInstance start(Config config, String where) {
    // Hazelcast reads this before its configuration: without it a warning about module access
    // is printed on every start (the jar's manifest opens the packages it would like).
    if (System.getProperty("hazelcast.logging.type") == null) {
      System.setProperty("hazelcast.logging.type", "none");
    }
    try {
      return Hazelcast.newHazelcastInstance(config);
    } catch (HazelcastException | IllegalStateException e) {
      throw new ClusterException(
          "cannot start member of cluster "
              + config.getClusterName()
              + " on "
              + where
              + ": "
              + e.getMessage());
    }
  }

  private static Config common(String clusterName, boolean loopbackOnly) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    // rnicsim leaves the cluster itself on Ctrl-C (a graceful shutdown), after its own clean-up.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // A member that stops answering has its jobs handed out again after this long, not a minute.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    // Members start in any order: the first looks for the others for two seconds, not twenty,
    // and members that formed separate clusters meanwhile merge within seconds, not minutes.
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "2");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "3");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "3");
    config.getJetConfig().setEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    if (loopbackOnly) {
      config.setProperty("hazelcast.socket.bind.any", "false");
      network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
    return config;
  }

  /** {@code rnicsim-VERSION}: the same on every member of one version. */
  static String lobbyName(String version) {
    return "rnicsim-" + version;
  }

  /**
   * {@code rnicsim-VERSION-} and the first 16 hex digits of the study's fingerprint (the SHA-256 of
   * its text, {@code --set} options, defaults and profiles): members of one version serving one
   * study, and no other.
   */
  static String studyName(String version, String studyId) {
    return lobbyName(version) + "-" + studyId.substring(0, 16);
  }
}
