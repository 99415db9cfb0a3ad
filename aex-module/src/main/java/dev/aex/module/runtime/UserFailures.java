package dev.aex.module.runtime;

import dev.aex.wire.ModuleEnvironment;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logs what the module's own code threw, in an endpoint or on a thread of its own. Its message
 * and stack trace may quote decrypted data (a parse error of an input, say), and the module's log
 * ends up in the untrusted event manager's: by default only the exception's class is logged; at
 * DEBUG ({@link ModuleEnvironment#LOG}{@code =debug}, which a module's owner sets deliberately)
 * the warning carries the exception.
 */
final class UserFailures {
  private static final Logger LOG = System.getLogger(UserFailures.class.getName());

  private UserFailures() {}

  /** A warning that {@code what} (e.g. "input reading (0)") of the module threw {@code failure}. */
  static void log(ModuleNames names, String what, Throwable failure) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.WARNING, names.module() + ": " + what + " threw", failure);
    } else {
      LOG.log(Level.WARNING, "{0}: {1} threw {2} (its message and stack trace may hold data:"
          + " {3}=debug in the event manager''s environment logs them)", names.module(), what,
          failure.getClass().getName(), ModuleEnvironment.LOG);
    }
  }

  /**
   * Logs an exception that ends a thread the module's code started (an HTTP server's, a timer's):
   * without it the JVM prints the whole trace, message included, at any level.
   */
  static void logUncaught(ModuleNames names) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> log(names, "thread \"" + thread.getName() + "\"", failure));
  }
}
