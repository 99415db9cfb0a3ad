package dev.aex.em.internal;

import dev.aex.em.LogLevel;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The event manager's loggers, its own ({@code dev.aex.em}) and those of the wire code it runs
 * ({@code dev.aex.wire}: kept streams, I/O guards): their level, and for the command line a
 * console format with UTC timestamps like the original's ({@code 2026-01-10T12:00:00.123Z INFO
 * message}).
 */
public final class EmLogging {
  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final List<Logger> ROOTS =
      List.of(Logger.getLogger("dev.aex.em"), Logger.getLogger("dev.aex.wire"));

  private EmLogging() {}

  /** Sets the level for every event manager in this JVM (and the wire code they run). */
  public static void setLevel(LogLevel level) {
    ROOTS.forEach(root -> root.setLevel(julLevel(level)));
  }

  /** The java.util.logging level that lets exactly {@code level}'s records through. */
  static Level julLevel(LogLevel level) {
    return switch (level) {
      case OFF -> Level.OFF;
      case ERROR -> Level.SEVERE;
      case WARN -> Level.WARNING;
      case INFO -> Level.INFO;
      case DEBUG -> Level.FINE;
      case TRACE -> Level.FINEST;
    };
  }

  /** Logs to stderr in the event manager's own format instead of the JVM's default handler. */
  public static void useConsole() {
    Handler console = new LineHandler(System.err);
    console.setLevel(Level.ALL);
    console.setFormatter(new LineFormatter());
    for (Logger root : ROOTS) {
      for (var handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      root.addHandler(console);
      root.setUseParentHandlers(false);
    }
  }

  /**
   * Formats and writes each record under one lock, so that {@link LineFormatter}'s times go up as
   * the lines do. The JDK's console handler writes under its lock but formats before it takes it
   * (JDK 25, JDK-8349206), so its lines of concurrent threads could still be out of order.
   */
  static final class LineHandler extends Handler {
    private final PrintStream out;

    LineHandler(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      out.print(getFormatter().format(record));
      out.flush();
    }

    @Override
    public synchronized void flush() {
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  /**
   * One line per record, stamped with the time it is written: {@link LineHandler} formats under
   * its lock, so the lines' times go up as the lines do (a record's own time, taken before that
   * lock, put lines of concurrent threads a few milliseconds out of order).
   */
  static final class LineFormatter extends Formatter {
    private static final DateTimeFormatter UTC =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder()
          .append(UTC.format(Instant.now()))
          .append(' ')
          .append(String.format("%-5s", name(record.getLevel())))
          .append(' ')
          .append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    private static String name(Level level) {
      int value = level.intValue();
      if (value >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      if (value >= Level.WARNING.intValue()) {
        return "WARN";
      }
      if (value >= Level.INFO.intValue()) {
        return "INFO";
      }
      return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
  }
}
