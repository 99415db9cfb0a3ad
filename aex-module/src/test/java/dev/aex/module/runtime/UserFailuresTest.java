package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exception that ends a thread of the module's own code is a warning without its message. */
class UserFailuresTest {
  private Thread.UncaughtExceptionHandler before;

  @BeforeEach
  void keep() {
    before = Thread.getDefaultUncaughtExceptionHandler();
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(before);
  }

  @Test
  void aThreadOfTheModulesCodeThatDiesIsAWarningNamingTheModuleTheThreadAndTheClassOnly()
      throws Exception {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      UserFailures.logUncaught(new ModuleNames(new TestModule().manifest()));
      Thread server = Thread.ofPlatform().name("web-server").start(() -> {
        throw new IllegalStateException("secret request body");
      });
      server.join(10_000);

      assertThat(log.records()).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getThrown()).isNull();
      });
      assertThat(log.messages()).singleElement().asString()
          .startsWith("module test_module: thread \"web-server\" threw"
              + " java.lang.IllegalStateException")
          .doesNotContain("secret");
    }
  }
}
