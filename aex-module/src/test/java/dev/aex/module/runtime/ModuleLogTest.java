package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModuleLogTest {
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ModuleLog log = new ModuleLog(stderr);

  @AfterEach
  void notServing() {
    Batch.serving(false);
  }

  @Test
  void linesOfAnEntryConnectionWaitForTheEndOfItsBatch() {
    Batch.serving(true);
    log.publish(new LogRecord(Level.INFO, "event 1"));
    log.publish(new LogRecord(Level.INFO, "event 2"));

    assertThat(written()).isEmpty();

    log.flush();
    assertThat(written()).isEqualTo(
        "aex-module INFO: event 1" + System.lineSeparator() + "aex-module INFO: event 2" + System.lineSeparator());
  }

  @Test
  void aWarningIsWrittenAtOnceWithWhatWasBufferedBeforeIt() {
    Batch.serving(true);
    log.publish(new LogRecord(Level.INFO, "event 1"));
    log.publish(new LogRecord(Level.WARNING, "handler failed"));

    assertThat(written()).contains("event 1").endsWith("aex-module WARNING: handler failed" + System.lineSeparator());
  }

  @Test
  void linesOfOtherThreadsAreWrittenAtOnce() {
    log.publish(new LogRecord(Level.INFO, "module db listening"));

    assertThat(written()).isEqualTo("aex-module INFO: module db listening" + System.lineSeparator());
  }

  @Test
  void closingFlushesAndLeavesTheStreamUsable() {
    Batch.serving(true);
    log.publish(new LogRecord(Level.INFO, "last words"));
    log.close();

    assertThat(written()).contains("last words");
  }

  @Test
  void theLevelNamesAreThoseOfTheEventManagersLog() {
    assertThat(ModuleLog.level("debug")).contains(Level.FINE);
    assertThat(ModuleLog.level(" WARN ")).contains(Level.WARNING);
    assertThat(ModuleLog.level("off")).contains(Level.OFF);
    assertThat(ModuleLog.level("verbose")).isEmpty();
  }

  private String written() {
    return stderr.toString(StandardCharsets.UTF_8);
  }
}
