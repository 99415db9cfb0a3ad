package dev.aex.module.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Stops the module when its stdin ends, if the event manager that started it asked for that
 * ({@link dev.aex.wire.ModuleEnvironment#EXIT_WITH_STDIN}). That event manager holds the other end
 * of the pipe, which the kernel closes when its process ends in any way, also killed or crashed:
 * so the module does not outlive it and hold its port against the next one.
 */
final class StdinWatch {
  private static final Logger LOG = System.getLogger(StdinWatch.class.getName());

  private StdinWatch() {}

  /** Reads (and drops) {@code stdin} on a daemon thread; at its end, runs {@code stop}. */
  static Thread start(InputStream stdin, Runnable stop) {
    return Thread.ofPlatform().daemon(true).name("aex-module-stdin").start(() -> {
      drain(stdin);
      // INFO: its reader is the event manager, which closed the pipe while stopping it, or is gone.
      LOG.log(Level.INFO, "stdin ended: the event manager that started this module stopped it or is gone; stopping");
      stop.run();
    });
  }

  private static void drain(InputStream stdin) {
    byte[] buffer = new byte[256];
    try {
      while (stdin.read(buffer) >= 0) {
        // Nothing is sent on stdin; whatever comes is dropped.
      }
    } catch (IOException e) {
      // A broken stdin ends like a closed one.
    }
  }
}
