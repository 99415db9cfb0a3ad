package dev.aex.em.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmLoggingTest {
  @AfterEach
  void restore() {
    EmLogging.setLevel(LogLevel.INFO);
  }

  /**
   * --log off silenced the event manager's own records but not those of the wire code it runs
   * (a kept stream's "took 0 of this stream's events"), which also came in the JVM's
   * two-line format.
   */
  @Test
  void theLevelAlsoGovernsTheWireCodeTheEventManagerRuns() {
    EmLogging.setLevel(LogLevel.OFF);
    Logger stream = Logger.getLogger("dev.aex.wire.kept.EventStream");
    assertThat(stream.isLoggable(Level.SEVERE)).isFalse();
    assertThat(Logger.getLogger("dev.aex.em.internal.Node").isLoggable(Level.SEVERE)).isFalse();

    EmLogging.setLevel(LogLevel.WARN);
    assertThat(stream.isLoggable(Level.WARNING)).isTrue();
    assertThat(stream.isLoggable(Level.INFO)).isFalse();
  }

  /**
   * The time is taken while the line's lock is held: the JDK 25 console handler formatted outside
   * its lock, and a user test still found a line 5 ms older than the one before it.
   */
  @Test
  void aRecordIsFormattedAndWrittenUnderOneLock() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EmLogging.LineHandler handler =
        new EmLogging.LineHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    AtomicBoolean locked = new AtomicBoolean();
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord record) {
        locked.set(Thread.holdsLock(handler));
        return record.getMessage() + "\n";
      }
    });

    handler.publish(new LogRecord(Level.INFO, "loaded"));

    assertThat(locked).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("loaded\n");
  }

  /**
   * A line's time is when it is written, so lines of concurrent threads read in order; the
   * record's own time (here 1970) is not used (an operator saw 41.116 before 41.098).
   */
  @Test
  void aLineIsStampedWhenItIsWritten() {
    LogRecord record = new LogRecord(Level.WARNING, "module 2 exited");
    record.setInstant(Instant.EPOCH);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    String line = new EmLogging.LineFormatter().format(record);

    Instant stamped = Instant.parse(line.substring(0, line.indexOf(' ')));
    assertThat(stamped).isBetween(before, Instant.now());
    assertThat(line).endsWith(" WARN  module 2 exited" + System.lineSeparator());
  }
}
