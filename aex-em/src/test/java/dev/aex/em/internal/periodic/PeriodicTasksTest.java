package dev.aex.em.internal.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.support.Await;
import dev.aex.wire.payload.RegisterEntrypoint;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodicTasksTest {
  @ParameterizedTest
  @CsvSource({"0, 50", "1, 50", "50, 50", "51, 50", "99, 50", "100, 100", "149, 100", "1000, 1000"})
  void periodsAreNormalisedToFiftyMillisecondSteps(long period, long normalised) {
    assertThat(PeriodicTasks.normalise(period)).isEqualTo(normalised);
  }

  @Test
  void aFiringThatFailsEveryTimeDoesNotStopTheSchedule() {
    AtomicInteger calls = new AtomicInteger();
    try (PeriodicTasks tasks = new PeriodicTasks(true, (sm, entry) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("module unreachable");
    })) {
      tasks.register(new RegisterEntrypoint(1, 5, 50));

      Await.until("three failing calls", Duration.ofSeconds(10), () -> calls.get() >= 3);
    }
  }

  @Test
  void tasksAreRefusedWhenPeriodicTasksAreOff() {
    try (PeriodicTasks tasks = new PeriodicTasks(false, (sm, entry) -> {})) {
      assertThat(tasks.register(new RegisterEntrypoint(1, 5, 50))).isFalse();

      assertThat(tasks.size()).isZero();
    }
  }

  @Test
  void registeringTheSameEntryAgainReplacesItAndResetClearsAll() {
    try (PeriodicTasks tasks = new PeriodicTasks(true, (sm, entry) -> {})) {
      tasks.register(new RegisterEntrypoint(1, 5, 1000));
      tasks.register(new RegisterEntrypoint(1, 5, 2000));
      tasks.register(new RegisterEntrypoint(2, 5, 1000));
      assertThat(tasks.size()).isEqualTo(2);

      tasks.clear();

      assertThat(tasks.size()).isZero();
    }
  }
}
