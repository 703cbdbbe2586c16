package org.rnicsim.experiments.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * How this process takes part in a cluster.
 *
 * @param members {@code HOST:PORT} of the members to join, this one possibly among them
 * @param port the port this member listens on
 * @param threads jobs this member runs at once
 */
public record ClusterOptions(List<String> members, int port, int threads) {
  /** Hazelcast's usual member port, used when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 5701;

  public ClusterOptions {
    members = List.copyOf(members);
  }

  /**
   * Reads {@code HOST:PORT[,HOST:PORT...]}; throws IllegalArgumentException with a message for
   * people when malformed.
   */
  public static List<String> parseMembers(String text) {
    List<String> members = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String member = part.trim();
      int colon = member.lastIndexOf(':');
      if (colon <= 0 || colon == member.length() - 1) {
        throw new IllegalArgumentException(
            "--cluster takes HOST:PORT[,HOST:PORT...], such as 10.0.0.5:5701 (got '" + part + "')");
      }
      try {
        int port = Integer.parseInt(member.substring(colon + 1));
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--cluster: '" + member.substring(colon + 1) + "' is not a port number in " + member);
      }
      members.add(member);
    }
    return members;
  }

  /**
   * Whether every member is on this machine's loopback interface: then this member listens there
   * only, so a test or a one-machine cluster is reachable from nowhere else.
   */
  boolean loopbackOnly() {
    for (String member : members) {
      String host = member.substring(0, member.lastIndexOf(':'));
      try {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
          return false;
        }
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return true;
  }
}
