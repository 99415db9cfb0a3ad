package dev.aex.em.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback port ranges for an event manager and its modules (EM_PORT + id). Chosen below the
 * ephemeral range, so that the many short outgoing connections of a test cannot take a module's
 * port before it binds.
 */
public final class FreePorts {
  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;
  private static final int TRIES = 500;

  private FreePorts() {}

  /** A port P such that P .. P + span are all free right now. */
  public static int base(int span) {
    for (int i = 0; i < TRIES; i++) {
      int base = ThreadLocalRandom.current().nextInt(LOW, HIGH - span);
      if (allFree(base, span)) {
        return base;
      }
    }
    throw new AssertionError("no " + (span + 1) + " consecutive free ports in " + LOW + ".." + HIGH);
  }

  /** Two bases for two event managers whose module port ranges ({@code span} each) do not meet. */
  public static int[] twoBases(int span) {
    int first = base(span);
    for (int i = 0; i < TRIES; i++) {
      int second = base(span);
      if (Math.abs(second - first) > span) {
        return new int[] {first, second};
      }
    }
    throw new AssertionError("no second port range apart from " + first);
  }

  private static boolean allFree(int base, int span) {
    for (int port = base; port <= base + span; port++) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException busy) {
        return false;
      }
    }
    return true;
  }
}
