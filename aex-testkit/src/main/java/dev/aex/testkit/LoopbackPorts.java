package dev.aex.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for event managers in tests. A module listens on {@code EM port + id}, so an event
 * manager bound to port 0 (a port from the kernel's ephemeral range) leaves its modules' ports in
 * that range too, where any outgoing connection of the machine may hold them: the module then
 * fails to start with "Address already in use", more often the busier the machine. These ports
 * are below the ephemeral range and checked free, a whole block at a time; and no port is handed
 * out twice in one JVM, so a block's module ports stay clear of other blocks and of web servers
 * started on {@link #free()} ports before the modules start.
 */
public final class LoopbackPorts {
  private static final int LOWEST = 10_000;
  private static final int ATTEMPTS = 500;
  /** Fewer candidate ports than this and blocks would collide too often. */
  private static final int MIN_ROOM = 2_000;

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private LoopbackPorts() {}

  /** A port P such that P … P + span - 1 are free on loopback now, all outside the ephemeral range. */
  public static synchronized int freeBlock(int span) {
    int[] range = outsideEphemeral(span);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(range[0], range[1]);
      if (allFree(base, span)) {
        for (int port = base; port < base + span; port++) {
          HANDED_OUT.add(port);
        }
        return base;
      }
    }
    throw new IllegalStateException("no " + span + " free loopback ports in a row in "
        + range[0] + "…" + range[1] + " after " + ATTEMPTS + " tries");
  }

  /** One free port outside the ephemeral range (for a web server, say). */
  public static int free() {
    return freeBlock(1);
  }

  /** Whether something accepts connections on loopback {@code port} now (half a second to tell). */
  public static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean allFree(int base, int span) {
    for (int port = base; port < base + span; port++) {
      if (HANDED_OUT.contains(port)) {
        return false;
      }
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(false);
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where block bases are drawn from: below the kernel's ephemeral range (Linux:
   * /proc/sys/net/ipv4/ip_local_port_range, else 32768–60999), or above it when too little room
   * is left below.
   */
  private static int[] outsideEphemeral(int span) {
    int low = 32_768;
    int high = 60_999;
    try {
      // Not Files.readString: /proc reports a size of 0 and the JDK then reads only part of it.
      String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
          .get(0).trim().split("\\s+");
      low = Integer.parseInt(range[0]);
      high = Integer.parseInt(range[1]);
    } catch (IOException | RuntimeException e) {
      // Not Linux: the defaults above are the usual ones.
    }
    if (low - span - LOWEST >= MIN_ROOM) {
      return new int[] {LOWEST, low - span};
    }
    if (65_535 - span - high >= MIN_ROOM) {
      return new int[] {high + 1, 65_536 - span};
    }
    return new int[] {LOWEST, 65_536 - span};
  }
}
