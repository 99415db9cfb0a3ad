package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerListener;
import java.time.Duration;

/** Reports a step to the listener: started, then finished with the original's timing label. */
final class Timer {
  @FunctionalInterface
  interface Step<T> {
    T run() throws DeployerException;
  }

  @FunctionalInterface
  interface VoidStep {
    void run() throws DeployerException;
  }

  private Timer() {}

  static <T> T time(DeployerListener listener, String step, String subject, String label,
      Step<T> body) throws DeployerException {
    listener.started(step, subject);
    long start = System.nanoTime();
    T result = body.run();
    listener.finished(label, Duration.ofNanos(System.nanoTime() - start));
    return result;
  }

  static void time(DeployerListener listener, String step, String subject, String label,
      VoidStep body) throws DeployerException {
    time(listener, step, subject, label, () -> {
      body.run();
      return null;
    });
  }
}
