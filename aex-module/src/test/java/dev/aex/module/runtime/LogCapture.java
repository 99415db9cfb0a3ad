package dev.aex.module.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the module runtime's classes log at INFO and above while this is open, with their level
 * set for the time (to FINE, say, as AEX_MODULE_LOG=debug does); closing restores the level.
 */
final class LogCapture implements AutoCloseable {
  private final Logger logger = Logger.getLogger(ModuleRuntime.class.getPackageName());
  private final Level before = logger.getLevel();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.INFO.intValue()) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture(Level level) {
    logger.setLevel(level);
    logger.addHandler(handler);
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records' messages as the module's log shows them (without its line prefix). */
  List<String> messages() {
    OneLineLogFormat format = new OneLineLogFormat();
    return records.stream().map(format::formatMessage).toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(before);
  }
}
