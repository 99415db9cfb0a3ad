package dev.aex.module.runtime;

import dev.aex.wire.ModuleEnvironment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * A module process's log (docs/modules.md, Logs): {@link OneLineLogFormat} lines on stderr, which
 * the event manager reads. Lines logged while an entry connection answers a batch of messages
 * stay in a buffer until the batch is answered (the connection calls {@link #flush} before it
 * waits for input), so a burst of events costs one write here and one wake-up of the event
 * manager's reader instead of one per line. Warnings, errors and lines of any other thread are
 * written at once.
 */
final class ModuleLog extends StreamHandler {
  /** The names of {@link ModuleEnvironment#LOG}, those of an event manager's EM_LOG. */
  private static final Map<String, Level> LEVELS = levels();

  private static volatile ModuleLog installed;

  ModuleLog(OutputStream out) {
    super(out, new OneLineLogFormat());
    setLevel(Level.ALL);
  }

  /**
   * Replaces the root logger's handlers (the JDK's console handler) with one on stderr, and sets
   * the level {@code levelName} names ({@link ModuleEnvironment#LOG}; info if empty, with a
   * warning if it names no level).
   */
  static void install(Optional<String> levelName) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ModuleLog log = new ModuleLog(new FileOutputStream(FileDescriptor.err));
    root.addHandler(log);
    installed = log;
    Optional<Level> level = levelName.flatMap(ModuleLog::level);
    root.setLevel(level.orElse(Level.INFO));
    if (levelName.isPresent() && level.isEmpty()) {
      root.warning(ModuleEnvironment.LOG + "=" + levelName.get() + " names no level (expected: "
          + String.join(", ", LEVELS.keySet()) + "); logging at info");
    }
  }

  /** The level {@code name} names, ignoring case. */
  static Optional<Level> level(String name) {
    return Optional.ofNullable(LEVELS.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /** Writes out the lines of the batch that just ended; nothing if none is installed. */
  static void flushInstalled() {
    ModuleLog log = installed;
    if (log != null) {
      log.flush();
    }
  }

  @Override
  public synchronized void publish(LogRecord record) {
    super.publish(record);
    if (record.getLevel().intValue() >= Level.WARNING.intValue() || !Batch.serving()) {
      flush();
    }
  }

  private static Map<String, Level> levels() {
    Map<String, Level> levels = new LinkedHashMap<>();
    levels.put("off", Level.OFF);
    levels.put("error", Level.SEVERE);
    levels.put("warn", Level.WARNING);
    levels.put("info", Level.INFO);
    levels.put("debug", Level.FINE);
    levels.put("trace", Level.FINEST);
    return Collections.unmodifiableMap(levels);
  }

  /** Flushes only: stderr stays open for whoever writes after the log manager's reset at exit. */
  @Override
  public synchronized void close() {
    flush();
  }
}
