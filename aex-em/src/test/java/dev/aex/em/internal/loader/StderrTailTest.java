package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.support.LogCapture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class StderrTailTest {
  /** A module's warning, with its stack trace, is a warning of the event manager. */
  @Test
  void moduleLinesAreLoggedAtTheirLevelAndKeptAsWritten() {
    String stderr = """
        aex-module INFO: module sensor (id 1) listening on 127.0.0.1:5001
        aex-module WARNING: module sensor: input sample (0) threw
          java.lang.IllegalStateException: empty sample
          \tat app.Sensor.sample(Sensor.java:16)
        a line of the module's own
        """;
    Logger logger = Logger.getLogger(StderrTail.class.getName());
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    try (LogCapture log = new LogCapture()) {
      StderrTail tail = new StderrTail(
          new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), () -> "module 1");

      assertThat(tail.lines(Duration.ofSeconds(10))).hasSize(5)
          .startsWith("aex-module INFO: module sensor (id 1) listening on 127.0.0.1:5001");
      assertThat(log.lines()).containsExactly(
          "INFO module 1: module sensor (id 1) listening on 127.0.0.1:5001",
          "WARNING module 1: module sensor: input sample (0) threw",
          "WARNING module 1:   java.lang.IllegalStateException: empty sample",
          "WARNING module 1:   \tat app.Sensor.sample(Sensor.java:16)",
          "WARNING module 1: a line of the module's own");
    } finally {
      logger.setLevel(before);
    }
  }
}
