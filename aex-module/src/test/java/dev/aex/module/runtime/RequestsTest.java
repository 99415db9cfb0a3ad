package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.RequestFailedException;
import dev.aex.module.RequestFailedException.Reason;
import dev.aex.testkit.LoopbackPorts;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A request keeps to its timeout also while its connection is busy sending. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RequestsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final int REQUEST_ID = 32768;

  /**
   * Another thread holds the connection's send lock (an output stuck writing to a slow event
   * manager): the request gives up after its timeout, with a reason, instead of queueing behind.
   */
  @Test
  void aConnectionBusySendingForTheWholeTimeoutFailsTheRequest() throws Exception {
    ConnectionTable table = new ConnectionTable();
    Connection connection = new Connection(1, REQUEST_ID, "request ask (32768)", Suite.SECURE_AES,
        Suite.SECURE_AES.newChannel(0, SymmetricKey.random16()));
    table.put(connection);
    // Never reached: the request fails before it sends.
    Requests requests = new Requests(table, new EmLink(LoopbackPorts.freeBlock(1), TIMEOUT),
        TIMEOUT);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread sender = Thread.ofPlatform().start(() -> {
      connection.sendLock().lock();
      try {
        held.countDown();
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        connection.sendLock().unlock();
      }
    });
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

    try {
      assertThatThrownBy(() -> requests.call(REQUEST_ID, new byte[] {1}))
          .isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT))
          .hasMessage("request 32768: its connection was busy sending for the whole request"
              + " timeout");
    } finally {
      release.countDown();
      sender.join(5_000);
    }
  }
}
