package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleLogLineTest {
  @Test
  void aModuleRecordIsLoggedAtItsLevelWithoutThePrefix() {
    assertThat(ModuleLogLine.parse("aex-module WARNING: module m: input i (0) threw",
        Optional.empty()))
        .isEqualTo(new ModuleLogLine(Level.WARNING, "module m: input i (0) threw"));
    assertThat(ModuleLogLine.parse("aex-module SEVERE: x", Optional.empty()).level()).isEqualTo(Level.ERROR);
    assertThat(ModuleLogLine.parse("aex-module FINE: x", Optional.empty()).level()).isEqualTo(Level.DEBUG);
    assertThat(ModuleLogLine.parse("aex-module FINEST: x", Optional.empty()).level()).isEqualTo(Level.TRACE);
  }

  @Test
  void indentedLinesContinueTheRecordBeforeThem() {
    ModuleLogLine warning =
        ModuleLogLine.parse("aex-module WARNING: module m: input i (0) threw", Optional.empty());
    ModuleLogLine trace = ModuleLogLine.parse("  java.lang.IllegalStateException: x", Optional.of(warning));

    assertThat(trace).isEqualTo(new ModuleLogLine(Level.WARNING, "  java.lang.IllegalStateException: x"));
    assertThat(ModuleLogLine.parse("  \tat app.Sensor.sample(Sensor.java:16)", Optional.of(trace)).level())
        .isEqualTo(Level.WARNING);
  }

  /** The module code's System.err and the like: shown at an event manager's default level. */
  @Test
  void otherLinesAreWarningsAsTheyAre() {
    ModuleLogLine info = ModuleLogLine.parse("aex-module INFO: i", Optional.empty());

    assertThat(ModuleLogLine.parse("aex module: cannot start: no key", Optional.of(info)))
        .isEqualTo(new ModuleLogLine(Level.WARNING, "aex module: cannot start: no key"));
    assertThat(ModuleLogLine.parse("aex-module LOUD: x", Optional.empty()))
        .isEqualTo(new ModuleLogLine(Level.WARNING, "aex-module LOUD: x"));
    assertThat(ModuleLogLine.parse("aex-module WARNING", Optional.empty()).level())
        .isEqualTo(Level.WARNING);
    assertThat(ModuleLogLine.parse("   indented, but first", Optional.empty()).level())
        .isEqualTo(Level.WARNING);
    assertThat(ModuleLogLine.parse("", Optional.of(info)).level()).isEqualTo(Level.WARNING);
  }
}
