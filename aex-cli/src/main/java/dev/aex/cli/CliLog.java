package dev.aex.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log of one command: lines {@code LEVEL: message} on stderr, as the original prints them
 * (deployer-reference.md §1.1). The default level is WARNING; {@code --verbose} shows INFO and
 * {@code --debug} DEBUG. Safe to use from the deployer's concurrent steps.
 */
final class CliLog {
  /** The original's level names, most severe first. */
  enum LogLevel {
    ERROR,
    WARNING,
    INFO,
    DEBUG
  }

  private final PrintStream err;
  private final LogLevel threshold;

  CliLog(PrintStream err, LogLevel threshold) {
    this.err = err;
    this.threshold = threshold;
  }

  LogLevel threshold() {
    return threshold;
  }

  boolean enabled(LogLevel level) {
    return level.ordinal() <= threshold.ordinal();
  }

  void log(LogLevel level, String message) {
    if (enabled(level)) {
      synchronized (err) {
        err.println(level + ": " + message);
        err.flush();
      }
    }
  }

  void error(String message) {
    log(LogLevel.ERROR, message);
  }

  void warning(String message) {
    log(LogLevel.WARNING, message);
  }

  void info(String message) {
    log(LogLevel.INFO, message);
  }

  void debug(String message) {
    log(LogLevel.DEBUG, message);
  }

  /**
   * Routes {@code java.util.logging} (and so {@code System.Logger}) records of the libraries the
   * command uses into this log until the returned action is run, so that every line on stderr has
   * the same format and obeys the same level.
   */
  Runnable captureJavaLogging() {
    Logger root = Logger.getLogger("");
    Handler[] previous = root.getHandlers();
    Level previousLevel = root.getLevel();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
          return;
        }
        String message = record.getMessage();
        if (message != null && record.getParameters() != null && record.getParameters().length > 0) {
          message = java.text.MessageFormat.format(message, record.getParameters());
        }
        log(levelOf(record.getLevel()), message == null ? "" : message);
        if (record.getThrown() != null && enabled(LogLevel.DEBUG)) {
          synchronized (err) {
            record.getThrown().printStackTrace(err);
          }
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {}
    };
    handler.setLevel(julLevel(threshold));
    for (Handler h : previous) {
      root.removeHandler(h);
    }
    root.addHandler(handler);
    root.setLevel(julLevel(threshold));
    return () -> {
      root.removeHandler(handler);
      for (Handler h : previous) {
        root.addHandler(h);
      }
      root.setLevel(previousLevel);
    };
  }

  static LogLevel levelOf(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return LogLevel.ERROR;
    } else if (value >= Level.WARNING.intValue()) {
      return LogLevel.WARNING;
    } else if (value >= Level.INFO.intValue()) {
      return LogLevel.INFO;
    }
    return LogLevel.DEBUG;
  }

  private static Level julLevel(LogLevel level) {
    return switch (level) {
      case ERROR -> Level.SEVERE;
      case WARNING -> Level.WARNING;
      case INFO -> Level.INFO;
      case DEBUG -> Level.FINE;
    };
  }
}
