package org.rnicsim.experiments.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rnicsim.experiments.BuildInfo;

/**
 * Starts this process's Hazelcast member: joined by the TCP-IP member list only (no multicast, no
 * cloud auto-detection), no phone-home, Hazelcast's own logging off. The cluster's name is derived
 * from the rnicsim version, so members of different versions never form one cluster; jobs carry
 * their study's fingerprint, so two studies on one cluster never take each other's results.
 */
final class ClusterMember {
  /** The executor every member runs jobs on; its pool is the member's {@code --jobs}. */
  static final String EXECUTOR = "rnicsim-jobs";

  /** How many jobs a member runs at once, so the driver hands it no more than that. */
  static final String THREADS_ATTRIBUTE = "rnicsim.threads";

  static final String VERSION_ATTRIBUTE = "rnicsim.version";

  private ClusterMember() {}

  /** Starts a member and joins the others; a {@link ClusterException} when it cannot. */
  static HazelcastInstance start(ClusterOptions options) {
    // Hazelcast reads this before its configuration: without it a warning about module access
    // is printed on every start (the jar's manifest opens the packages it would like).
    if (System.getProperty("hazelcast.logging.type") == null) {
      System.setProperty("hazelcast.logging.type", "none");
    }
    try {
      return Hazelcast.newHazelcastInstance(config(options));
    } catch (HazelcastException | IllegalStateException e) {
      throw new ClusterException(
          "cannot start a cluster member on port " + options.port() + ": " + e.getMessage());
    }
  }

  static Config config(ClusterOptions options) {
    Config config = new Config();
    config.setClusterName(clusterName(BuildInfo.version()));
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
    network.setPort(options.port()).setPortAutoIncrement(false);
    if (options.loopbackOnly()) {
      config.setProperty("hazelcast.socket.bind.any", "false");
      network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
    options.members().forEach(member -> join.getTcpIpConfig().addMember(member));
    config
        .getMemberAttributeConfig()
        .setAttribute(THREADS_ATTRIBUTE, Integer.toString(options.threads()))
        .setAttribute(VERSION_ATTRIBUTE, BuildInfo.version());
    config.getExecutorConfig(EXECUTOR).setPoolSize(options.threads()).setStatisticsEnabled(false);
    config
        .getSerializationConfig()
        .addDataSerializableFactory(SweepTask.FACTORY_ID, new SweepTask.Factory());
    return config;
  }

  /** {@code rnicsim-} and a short hash of the version: the same on every member of one version. */
  static String clusterName(String version) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
      return "rnicsim-" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
