package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exception that ends a thread of the module's own code is a warning without its message. */
class UserFailuresTest {
  private final Logger logger = Logger.getLogger(UserFailures.class.getName());
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Thread.UncaughtExceptionHandler before;

  @BeforeEach
  void capture() {
    before = Thread.getDefaultUncaughtExceptionHandler();
    logger.addHandler(capture);
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(before);
    logger.removeHandler(capture);
  }

  @Test
  void aThreadOfTheModulesCodeThatDiesIsAWarningNamingTheThreadAndTheClassOnly() throws Exception {
    UserFailures.logUncaught();
    Thread server = Thread.ofPlatform().name("web-server").start(() -> {
      throw new IllegalStateException("secret request body");
    });
    server.join(10_000);

    assertThat(logged).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getThrown()).isNull();
      assertThat(new SimpleFormatter().formatMessage(record))
          .startsWith("thread \"web-server\" threw java.lang.IllegalStateException")
          .doesNotContain("secret");
    });
  }
}
