package dev.aex.module.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
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
  private static volatile ModuleLog installed;

  ModuleLog(OutputStream out) {
    super(out, new OneLineLogFormat());
    setLevel(Level.ALL);
  }

  /** Replaces the root logger's handlers (the JDK's console handler) with one on stderr. */
  static void install() {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ModuleLog log = new ModuleLog(new FileOutputStream(FileDescriptor.err));
    root.addHandler(log);
    installed = log;
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

  /** Flushes only: stderr stays open for whoever writes after the log manager's reset at exit. */
  @Override
  public synchronized void close() {
    flush();
  }
}
