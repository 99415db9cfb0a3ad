package dev.aex.crypto.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
  /** The window agrees with the obvious model: new, not replayed, and not older than the window. */
  @Property(tries = 500)
  void agreesWithASetBasedModel(
      @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 400) Long> counters) {
    ReplayWindow window = new ReplayWindow(64);
    Set<Long> seen = new HashSet<>();
    long highest = -1;
    for (long c : counters) {
      boolean expected = !seen.contains(c) && (c > highest || highest - c < 64);
      assertThat(window.markIfFresh(c)).as("counter %d after highest %d", c, highest)
          .isEqualTo(expected);
      if (expected) {
        seen.add(c);
        highest = Math.max(highest, c);
      }
    }
  }

  @Test
  void aLargeJumpForgetsEverythingBehindIt() {
    ReplayWindow window = new ReplayWindow(64);
    assertThat(window.markIfFresh(5)).isTrue();
    assertThat(window.markIfFresh(1_000_000)).isTrue();
    assertThat(window.markIfFresh(5)).isFalse();
    assertThat(window.markIfFresh(999_999)).isTrue();
    assertThat(window.markIfFresh(999_999)).isFalse();
  }

  @Test
  void theHighestCounterIsAcceptedAtOnceAsTheFirst() {
    ReplayWindow window = new ReplayWindow(64);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThat(window.markIfFresh(Long.MAX_VALUE)).isTrue();
      assertThat(window.markIfFresh(Long.MAX_VALUE)).isFalse();
      assertThat(window.markIfFresh(Long.MAX_VALUE - 63)).isTrue();
      assertThat(window.markIfFresh(Long.MAX_VALUE - 64)).isFalse();
    });
  }

  @Test
  void sizeMustBeAPowerOfTwoInRange() {
    assertThatThrownBy(() -> new ReplayWindow(100)).hasMessageContaining("power of two");
    assertThatThrownBy(() -> new ReplayWindow(32)).hasMessageContaining("32 (expected");
  }
}
