package dev.aex.em.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientThreadsTest {
  private static final Duration JOIN = Duration.ofSeconds(10);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Runnable held = () -> awaitRelease();

  @AfterEach
  void releaseAll() {
    release.countDown();
  }

  @Test
  void theConnectionsBeyondTheLimitGetVirtualThreads() {
    ClientThreads threads = new ClientThreads(2);

    List<Thread> started = List.of(
        threads.start("first", held), threads.start("second", held), threads.start("third", held));

    assertThat(started).extracting(Thread::isVirtual).containsExactly(false, false, true);
    assertThat(started).extracting(Thread::getName).containsExactly("first", "second", "third");
  }

  @Test
  void aPlatformThreadThatEndedMakesRoomForTheNextConnection() throws InterruptedException {
    ClientThreads threads = new ClientThreads(1);
    Thread first = threads.start("first", () -> {});
    assertThat(first.join(JOIN)).isTrue();

    assertThat(threads.start("second", held).isVirtual()).isFalse();
    assertThat(threads.start("third", held).isVirtual()).isTrue();
  }

  @Test
  void aVirtualThreadThatEndedLeavesThePlatformCountAlone() throws InterruptedException {
    ClientThreads threads = new ClientThreads(1);
    threads.start("platform", held);
    assertThat(threads.start("virtual", () -> {}).join(JOIN)).isTrue();

    assertThat(threads.start("another", held).isVirtual()).isTrue();
  }

  @Test
  void aLimitOfZeroServesEveryConnectionOnAVirtualThread() {
    assertThat(new ClientThreads(0).start("only", held).isVirtual()).isTrue();
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> new ClientThreads(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 0");
  }

  private void awaitRelease() {
    try {
      release.await(JOIN.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
