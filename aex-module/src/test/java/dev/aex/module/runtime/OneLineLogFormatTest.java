package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OneLineLogFormatTest {
  private final OneLineLogFormat format = new OneLineLogFormat();

  @Test
  void aRecordIsOneLineWithLevelAndFilledInMessage() {
    LogRecord record = new LogRecord(Level.INFO, "module {0} listening on {1}");
    record.setParameters(new Object[] {"db", "127.0.0.1:5003"});

    assertThat(format.format(record))
        .isEqualTo("aex-module INFO: module db listening on 127.0.0.1:5003" + System.lineSeparator());
  }

  @Test
  void aFailureAddsItsStackTraceAfterTheLine() {
    LogRecord record = new LogRecord(Level.WARNING, "handler failed");
    record.setThrown(new IllegalStateException("boom"));

    String text = format.format(record);

    assertThat(text.lines().findFirst()).contains("aex-module WARNING: handler failed");
    assertThat(text.lines().skip(1)).isNotEmpty().allMatch(line -> line.startsWith("  "));
    assertThat(text).contains("  java.lang.IllegalStateException: boom").endsWith(System.lineSeparator());
  }

  /** A message of several lines stays one record for the event manager: the rest indented. */
  @Test
  void furtherLinesOfAMessageAreIndented() {
    String text = format.format(new LogRecord(Level.WARNING, "first\nsecond\nthird"));

    assertThat(text).isEqualTo("aex-module WARNING: first" + System.lineSeparator() + "  second"
        + System.lineSeparator() + "  third" + System.lineSeparator());
  }

  /** The event manager reads the level's name, so it is never translated. */
  @Test
  void theLevelIsNamedInEnglishWhateverTheLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertThat(format.format(new LogRecord(Level.WARNING, "x"))).startsWith("aex-module WARNING: x");
    } finally {
      Locale.setDefault(before);
    }
  }
}
