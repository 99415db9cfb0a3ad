package dev.aex.em.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.LogLevel;
import java.util.logging.Level;
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
}
