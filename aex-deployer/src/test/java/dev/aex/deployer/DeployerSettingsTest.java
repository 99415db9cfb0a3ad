package dev.aex.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings fail where they are made, not as "internal error" in the middle of a deploy. */
class DeployerSettingsTest {
  private final DeployerSettings defaults = DeployerSettings.defaults(Path.of("."));

  @Test
  void aTimeoutMustBePositive() {
    assertThat(defaults.withTimeout(Duration.ofMillis(1)).timeout()).hasMillis(1);
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout: PT0S (expected: more than zero)");
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNullSettingIsNamedWithWhatToGiveInstead() {
    assertThatThrownBy(() -> defaults.withTimeout(null)).hasMessage("timeout");
    assertThatThrownBy(() -> defaults.withListener(null))
        .hasMessage("listener (DeployerListener.silent() for none)");
    assertThatThrownBy(() -> defaults.withResultSink(null))
        .hasMessage("resultSink (ResultSink.discard() for none)");
    assertThatThrownBy(() -> defaults.withCounterLedger(null))
        .hasMessage("counterLedger (CounterLedger.none() for none)");
    assertThatThrownBy(() -> DeployerSettings.defaults(null)).hasMessage("workspace");
  }
}
