package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A module stuck in one input stalled every later event with nothing in its log to say so (its
 * control entries, and so aex status, still answered): a long wait now names the call it waits for.
 */
class OneAtATimeTest {
  private final OneAtATime module =
      new OneAtATime(new ModuleNames(new TestModule().manifest()), Duration.ofMillis(100));

  @Test
  void aLongWaitNamesTheCallThatHoldsTheModuleAndItsReturnIsLogged() throws Exception {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      module.enter("input boom (1)");
      Thread waiter = Thread.ofPlatform().start(() -> {
        try {
          module.enter("input record (0)");
          module.exit();
        } catch (Rejection e) {
          throw new AssertionError(e);
        }
      });
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (log.messages().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      module.exit();
      waiter.join(Duration.ofSeconds(10));

      List<String> messages = log.messages();
      assertThat(waiter.isAlive()).isFalse();
      assertThat(messages.get(0)).matches("module test_module: input record \\(0\\) waits for"
          + " input boom \\(1\\), which has run for \\d+\\.\\d s: the module runs one call at a"
          + " time \\(@Module\\(concurrent = true\\) lets calls of other connections overlap\\)");
      assertThat(messages).anyMatch(m -> m.matches(
          "module test_module: input boom \\(1\\) returned after \\d+\\.\\d s"));
    }
  }

  @Test
  void quickCallsLogNothing() throws Exception {
    try (LogCapture log = new LogCapture(Level.INFO)) {
      for (int i = 0; i < 100; i++) {
        module.enter("input record (0)");
        module.exit();
      }
      assertThat(log.messages()).isEmpty();
    }
  }
}
