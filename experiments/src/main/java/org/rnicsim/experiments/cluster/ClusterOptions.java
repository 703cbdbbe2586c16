package org.rnicsim.experiments.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * How this process takes part in a cluster.
 *
 * @param members {@code HOST:PORT} of the members to join, this one possibly among them
 * @param port the port this member's lobby listens on; its study members take the first free of the
 *     {@link #STUDY_PORTS} after it
 * @param threads jobs this member runs at once
 */
public record ClusterOptions(List<String> members, int port, int threads) {
  /** Hazelcast's usual member port, used when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 5701;

  /**
   * How many ports after {@code --port} a member's study clusters may take, one per study it serves
   * at once: the firewall opens {@code --port} and these.
   */
  public static final int STUDY_PORTS = 10;

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
   * {@code count} lobby ports on loopback for a one-machine cluster (the benchmark, tests), each
   * free with its study ports, their ranges apart, below the range the kernel hands out for
   * outgoing connections so no member's connection takes one meanwhile.
   */
  public static List<Integer> freeLoopbackPorts(int count) throws IOException {
    List<Integer> ports = new ArrayList<>();
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int tries = 0; ports.size() < count; tries++) {
      if (tries > 1000) {
        throw new IOException("no " + (STUDY_PORTS + 1) + " free ports in a row on loopback");
      }
      int port = random.nextInt(20_000, 32_000 - STUDY_PORTS);
      boolean apart = ports.stream().allMatch(p -> Math.abs(p - port) > STUDY_PORTS);
      if (apart && bindable(port, STUDY_PORTS + 1)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static boolean bindable(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
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
