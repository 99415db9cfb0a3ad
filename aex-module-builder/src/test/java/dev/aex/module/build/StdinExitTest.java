package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.ModuleEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A module started by an aex event manager stops when its stdin ends, that is when the event
 * manager's process is gone however it ended; one started otherwise keeps serving.
 */
class StdinExitTest extends CounterBinaryFixture {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aModuleAskedToStopWithItsStdinStopsWhenItEnds() throws Exception {
    try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(),
        env -> env.put(ModuleEnvironment.EXIT_WITH_STDIN, "1"))) {
      module.closeStdin();

      assertThat(module.awaitExit(WAIT)).hasValue(0);
      assertThat(module.stderr()).contains("stdin ended: the event manager that started this module stopped it or is gone");
    }
  }

  @Test
  void aModuleNotAskedToKeepsServingWithoutStdin() throws Exception {
    try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(),
        env -> env.remove(ModuleEnvironment.EXIT_WITH_STDIN))) {
      module.closeStdin();

      assertThat(module.awaitExit(Duration.ofSeconds(1))).isEmpty();
    }
  }
}
