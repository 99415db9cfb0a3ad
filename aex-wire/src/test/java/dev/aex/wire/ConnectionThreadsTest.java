package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionThreadsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration KEEP = ConnectionThreads.KEEP_ALIVE;
  private final CountDownLatch release = new CountDownLatch(1);
  /** The thread each client ran on, by the name it was started with. */
  private final Map<String, Thread> ranOn = new ConcurrentHashMap<>();
  private final BlockingQueue<String> running = new LinkedBlockingQueue<>();
  private ConnectionThreads threads;

  @AfterEach
  void releaseAll() {
    release.countDown();
    if (threads != null) {
      threads.close();
    }
  }

  @Test
  void theConnectionsBeyondTheLimitGetVirtualThreads() throws InterruptedException {
    threads = threads(2, KEEP);

    for (String name : new String[] {"first", "second", "third"}) {
      threads.start(name, held(name));
    }
    awaitRunning(3);

    assertThat(ranOn.get("first").isVirtual()).isFalse();
    assertThat(ranOn.get("second").isVirtual()).isFalse();
    assertThat(ranOn.get("third").isVirtual()).isTrue();
    assertThat(ranOn).allSatisfy((name, thread) -> assertThat(thread.getName()).isEqualTo(name));
  }

  @Test
  void aPlatformThreadWhoseConnectionEndedServesTheNextOne() throws InterruptedException {
    threads = threads(1, KEEP);
    CountDownLatch firstDone = new CountDownLatch(1);
    threads.start("first", () -> {
      ranOn.put("first", Thread.currentThread());
      firstDone.countDown();
    });
    assertThat(firstDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50); // the thread goes back to wait for the next connection

    threads.start("second", held("second"));
    threads.start("third", held("third"));
    awaitRunning(2);

    assertThat(ranOn.get("second")).isSameAs(ranOn.get("first"));
    assertThat(ranOn.get("second").isVirtual()).isFalse();
    assertThat(ranOn.get("third").isVirtual()).isTrue();
  }

  @Test
  void anIdlePlatformThreadEndsAfterItsKeepAlive() throws InterruptedException {
    threads = threads(1, Duration.ofMillis(50));
    threads.start("only", () -> ranOn.put("only", Thread.currentThread()));

    long end = System.nanoTime() + WAIT.toNanos();
    while (!ranOn.containsKey("only") && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertThat(ranOn.get("only").join(WAIT)).isTrue();
  }

  @Test
  void aLimitOfZeroServesEveryConnectionOnAVirtualThread() throws InterruptedException {
    threads = threads(0, KEEP);
    threads.start("only", held("only"));
    awaitRunning(1);

    assertThat(ranOn.get("only").isVirtual()).isTrue();
  }

  @Test
  void nothingStartsOnceClosed() {
    for (int limit : new int[] {0, 1}) {
      ConnectionThreads closed = threads(limit, KEEP);
      closed.close();

      assertThatThrownBy(() -> closed.start("late", () -> {}))
          .isInstanceOf(RejectedExecutionException.class);
    }
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> threads(-1, KEEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 0");
  }

  private static ConnectionThreads threads(int platformLimit, Duration keepAlive) {
    return new ConnectionThreads("idle", platformLimit, 256 * 1024, keepAlive);
  }

  /** A client that records its thread, then holds it until the test ends. */
  private Runnable held(String name) {
    return () -> {
      ranOn.put(name, Thread.currentThread());
      running.add(name);
      try {
        release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private void awaitRunning(int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      assertThat(running.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("client %d running", i).isNotNull();
    }
  }
}
