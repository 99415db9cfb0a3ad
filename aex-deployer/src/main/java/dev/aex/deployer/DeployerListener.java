package dev.aex.deployer;

import java.time.Duration;

/**
 * What the deployer reports while it works. The CLI turns these into progress lines on a
 * terminal, log lines at {@code --verbose}, and the original's timing lines at {@code --timing}.
 *
 * <p>Called from the threads of an operation's concurrent steps, at the same time: an
 * implementation must be thread-safe.
 */
public interface DeployerListener {
  /** A step began, for example {@code ("deploy", "controller")}. */
  default void started(String step, String subject) {}

  /**
   * A step finished; {@code timingLabel} is the original's label, for example {@code "Deploy time
   * for controller"} or {@code "Establish time for init-server"}. Not called for a step that
   * failed: its failure is what the operation throws.
   */
  default void finished(String timingLabel, Duration elapsed) {}

  /** Something the user should know, for example a connection that must use the legacy suite. */
  default void warning(String message) {}

  /** What {@code --verbose} shows (the original's INFO lines). Never contains a key. */
  default void info(String message) {}

  static DeployerListener silent() {
    return new DeployerListener() {};
  }
}
