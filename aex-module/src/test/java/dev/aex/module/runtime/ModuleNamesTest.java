package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleNamesTest {
  private final ModuleNames names = new ModuleNames(new TestModule().manifest());

  @Test
  void theModuleAndEveryKindOfEndpointByNameAndNumber() {
    assertThat(List.of(names.module(), names.io(TestModule.IN_RECORD), names.io(TestModule.OUT),
            names.io(TestModule.REQ), names.io(TestModule.H_ECHO), names.entry(TestModule.E_ECHO),
            names.entry(4)))
        .containsExactly("module test_module", "input record (0)", "output out (16384)",
            "request ask (32768)", "handler echo (49152)", "entry echo_entry (5)",
            "entry handle_handler (4)");
  }

  @Test
  void numbersTheManifestLacksAreUnknownOfTheirKind() {
    assertThat(List.of(names.io(TestModule.IN_MISSING), names.io(16400), names.io(40000),
            names.io(TestModule.H_MISSING), names.entry(99)))
        .containsExactly("unknown input 7", "unknown output 16400", "unknown request 40000",
            "unknown handler 49160", "unknown entry 99");
  }
}
