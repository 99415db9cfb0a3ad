package dev.aex.em;

import dev.aex.em.internal.EmLogging;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code aex em}: runs an event manager until the process is stopped (SIGINT or SIGTERM), then
 * stops its modules and deletes its temporary files. Exit status 130 after SIGINT (Ctrl-C) and 143
 * after SIGTERM, as for any process a signal ends (the stop runs in a shutdown hook), 1 if it
 * cannot start (the message says why), 2 for a usage error.
 */
public final class EmMain {
  private EmMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  /** Parses, starts and blocks until shutdown; returns the exit status. */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    EmOptions options;
    try {
      options = EmOptions.parse(args, env);
    } catch (EmOptions.UsageException e) {
      err.println("aex em: " + e.getMessage());
      err.print(EmOptions.usage());
      return 2;
    }
    if (options.help()) {
      out.print(EmOptions.usage());
      return 0;
    }
    options.notes().forEach(note -> err.println("aex em: " + note));
    options.warnings().forEach(warning -> err.println("aex em: WARNING: " + warning));
    EmLogging.useConsole();
    return serve(options, err);
  }

  private static int serve(EmOptions options, PrintStream err) {
    EventManager em = options.toBuilder().build();
    try {
      em.start();
    } catch (IOException e) {
      err.println("aex em: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      int modules = em.modules().size();
      em.close();
      // Printed, not logged: java.util.logging shuts its handlers down in a hook of its own.
      err.println("aex em: stopped (" + modules + " module(s) stopped, temporary files deleted)");
      stopped.countDown();
    }, "aex-em-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      em.close();
    }
    return 0;
  }
}
