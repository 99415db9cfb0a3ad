package dev.aex.em.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarningBudgetTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void aFloodGetsItsFirstWarningsAndThenACountInTheNextWindow() {
    WarningBudget budget = new WarningBudget(3, Duration.ofSeconds(10));
    long t = 1_000 * SECOND;
    for (int i = 0; i < 3; i++) {
      assertThat(budget.admit(t + i)).as("warning %d", i).contains("");
    }
    for (int i = 0; i < 4091; i++) {
      assertThat(budget.admit(t + 5 * SECOND)).isEmpty();
    }

    assertThat(budget.admit(t + 11 * SECOND)).as("a new window")
        .contains(" (and 4091 more like it before, logged at debug: more than 3 in 10 s)");
    assertThat(budget.admit(t + 11 * SECOND)).as("counted once").contains("");
  }
}
