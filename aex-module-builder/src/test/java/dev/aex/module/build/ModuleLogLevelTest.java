package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.ModuleEnvironment;
import org.junit.jupiter.api.Test;

/** A module process reads its log level from AEX_MODULE_LOG, and says so when it names none. */
class ModuleLogLevelTest extends CounterBinaryFixture {
  @Test
  void aValueThatNamesNoLevelIsReportedAndTheModuleServes() throws Exception {
    try (ModuleProcess module = ModuleProcess.start(counter.binary(), counter.port(),
        env -> env.put(ModuleEnvironment.LOG, "verbose"))) {
      assertThat(module.stderr()).contains("aex-module WARNING: AEX_MODULE_LOG=verbose names no"
          + " level (expected: off, error, warn, info, debug, trace); logging at info");
    }
  }
}
