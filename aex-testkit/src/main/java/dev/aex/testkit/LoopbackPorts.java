package dev.aex.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private LoopbackPorts() {}

  /** A port P such that P … P + span - 1 are free on loopback now, all below the ephemeral range. */
  public static synchronized int freeBlock(int span) {
    int highest = ephemeralLow() - span;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(LOWEST, highest);
      if (allFree(base, span)) {
        for (int port = base; port < base + span; port++) {
          HANDED_OUT.add(port);
        }
        return base;
      }
    }
    throw new IllegalStateException("no " + span + " free loopback ports in a row below "
        + ephemeralLow() + " after " + ATTEMPTS + " tries");
  }

  /** One free port below the ephemeral range (for a web server, say). */
  public static int free() {
    return freeBlock(1);
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

  /** The first ephemeral port (Linux: /proc/sys/net/ipv4/ip_local_port_range; else 32768). */
  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Math.max(LOWEST + 1000, Integer.parseInt(range.split("\\s+")[0]));
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
