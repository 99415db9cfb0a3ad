package dev.aex.em.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects what the event manager logs (the {@code dev.aex.em} loggers) while open. */
public final class LogCapture extends Handler implements AutoCloseable {
  private static final Logger ROOT = Logger.getLogger("dev.aex.em");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  public LogCapture() {
    setLevel(Level.ALL);
    ROOT.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  /** Every message so far, formatted as the log shows it, with its level. */
  public List<String> lines() {
    return records.stream().map(r -> r.getLevel() + " " + formatter.formatMessage(r)).toList();
  }

  /** Waits until a line matches; returns it. */
  public String await(String what, Predicate<String> match) {
    Await.until(what, Duration.ofSeconds(20), () -> lines().stream().anyMatch(match));
    return lines().stream().filter(match).findFirst().orElseThrow();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    ROOT.removeHandler(this);
  }
}
