package dev.aex.cli;

import dev.aex.deployer.DeployerListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns the deployer's reports into the CLI's output: the original's timing lines on stdout with
 * {@code --timing}, its INFO and WARNING log lines on stderr, and short progress lines on stderr
 * when it runs in a terminal and nothing more verbose is shown (never in scripts).
 */
final class CliListener implements DeployerListener {
  private final PrintStream out;
  private final PrintStream err;
  private final CliLog log;
  private final boolean timing;
  private final boolean progress;

  CliListener(PrintStream out, PrintStream err, CliLog log, boolean timing, boolean terminal) {
    this.out = out;
    this.err = err;
    this.log = log;
    this.timing = timing;
    this.progress = terminal && !log.enabled(CliLog.LogLevel.INFO);
  }

  /** The original's timing line: {@code <label>: <seconds with 3 decimals>}. */
  static String timingLine(String label, Duration elapsed) {
    return String.format(Locale.ROOT, "%s: %.3f", label, elapsed.toNanos() / 1e9);
  }

  @Override
  public void started(String step, String subject) {
    log.debug(step + " " + subject + ": started");
    if (progress) {
      synchronized (err) {
        err.println("aex: " + step + " " + subject + " ...");
        err.flush();
      }
    }
  }

  @Override
  public void finished(String timingLabel, Duration elapsed) {
    log.debug(timingLine(timingLabel, elapsed));
    if (timing) {
      synchronized (out) {
        out.println(timingLine(timingLabel, elapsed));
        out.flush();
      }
    }
  }

  @Override
  public void warning(String message) {
    // Descriptor warnings arrive as "file: warning: item: ..."; the line already says WARNING.
    log.warning(message.replaceFirst(": warning: ", ": "));
  }

  @Override
  public void info(String message) {
    log.info(message);
  }
}
