package dev.aex.wire.kept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventStreamTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** What the streams handed back outside a send, for their owner's other way. */
  private final List<CommandMessage> handedBack = new CopyOnWriteArrayList<>();

  @Test
  void eventsArriveOnceEachInOrderOnOneConnection() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.AEX, 0);
        EventStream stream = stream(em, 64, TIMEOUT)) {
      for (int i = 0; i < 2000; i++) {
        stream.send(event(i), i % 10 == 9);
      }
      stream.flush();
      awaitReceived(em, 2000);
      assertThat(em.received).containsExactlyElementsOf(events(2000));
      assertThat(em.connections).hasValue(1);
    }
  }

  @Test
  void cutConnectionsLoseAndRepeatNothing() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.AEX, 300);
        EventStream stream = stream(em, 64, TIMEOUT)) {
      for (int i = 0; i < 2000; i++) {
        stream.send(event(i));
      }
      awaitReceived(em, 2000);
      Thread.sleep(200); // anything sent twice would show up now
      assertThat(em.received).containsExactlyElementsOf(events(2000));
      assertThat(em.connections.get()).isGreaterThan(5);
    }
  }

  @Test
  void aPeerThatRefusesTheHelloGetsTheEventsHandedBack() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.REFUSE_HELLO, 0);
        EventStream stream = stream(em, 64, TIMEOUT)) {
      assertThatThrownBy(() -> stream.send(event(7)))
          .isInstanceOfSatisfying(NotAexException.class,
              e -> assertThat(e.unsent()).extracting(CommandMessage::payload).containsExactly(payload(7)))
          .hasMessageContaining("ILLEGAL_COMMAND");
      assertThat(stream.unacknowledged()).isZero();
    }
  }

  @Test
  void aFullWindowWithoutAcknowledgementsFailsTheNextSendAfterTheTimeout() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.NO_ACKS, 0);
        EventStream stream = stream(em, 4, Duration.ofMillis(300))) {
      for (int i = 0; i < 4; i++) {
        stream.send(event(i));
      }
      assertThatThrownBy(() -> stream.send(event(4)))
          .hasMessageContaining("unacknowledged");
      assertThat(stream.unacknowledged()).isEqualTo(4);
    }
  }

  /** Large events fill the byte bound before the window: a stuck peer holds at most 16 MiB. */
  @Test
  void unacknowledgedBytesAreBoundedWhateverTheWindow() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.NO_ACKS, 0);
        EventStream stream = stream(em, 1024, Duration.ofMillis(300))) {
      CommandMessage big = new CommandMessage(CommandCode.REMOTE_OUTPUT, Bytes.of(new byte[60_000]));
      int sent = 0;
      IOException refused = null;
      while (refused == null && sent < 1024) {
        try {
          stream.send(big);
          sent++;
        } catch (IOException e) {
          refused = e;
        }
      }

      assertThat(sent).isEqualTo((int) (EventStream.MAX_UNACKED_BYTES / 60_000));
      assertThat(refused).hasMessageContaining(sent * 60_000L + " bytes")
          .hasMessageContaining("unacknowledged for 300 ms");
    }
  }

  /**
   * An acknowledgement trickled a byte every 150 ms (each read within the 500 ms timeout, the
   * whole frame not): the stream gives that connection up after the timeout and goes on on a new
   * one, where the peer's hello says it took the event, so nothing is sent twice.
   */
  @Test
  void anAcknowledgementTrickledBeyondTheTimeoutReplacesTheConnection() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.TRICKLED_ACKS, 0);
        EventStream stream = stream(em, 64, Duration.ofMillis(500))) {
      stream.send(event(0));
      for (int i = 0; i < 300 && em.connections.get() < 2; i++) {
        Thread.sleep(10);
      }

      assertThat(em.connections).as("connections").hasValue(2);
      assertThat(em.received).containsExactly(payload(0));
    }
  }

  /**
   * The acknowledgement's deadline ran from when the reader began to wait on an idle link, so an
   * event written late in that wait was given up on a moment after it was written (found by the
   * hostile-network user test, with a peer paused for a while): it runs from the write now.
   */
  @Test
  void anAcknowledgementIsDueATimeoutAfterItsEventNotAfterTheIdleWaitBegan() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.ACKS_AFTER_A_SECOND, 0);
        EventStream stream = stream(em, 64, Duration.ofSeconds(2))) {
      stream.send(event(0)); // acknowledged after 1 s; the link then waits idle for up to 2 s
      Thread.sleep(2600); // 1.6 s into that wait
      stream.send(event(1)); // acknowledged 1 s later: 0.6 s past the idle wait's 2 s
      for (int i = 0; i < 500 && stream.unacknowledged() > 0; i++) {
        Thread.sleep(10);
      }

      assertThat(stream.unacknowledged()).isZero();
      assertThat(em.connections).as("connections").hasValue(1);
      assertThat(em.received).containsExactly(payload(0), payload(1));
    }
  }

  @Test
  void aPeerThatCannotBeReachedIsTriedForTheWholeBudgetThenTheEventIsDropped() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    StreamConnector gone = session -> {
      attempts.incrementAndGet();
      throw new ConnectException("Connection refused");
    };
    long start = System.nanoTime();
    try (EventStream stream = new EventStream(gone, 64, TIMEOUT, "gone EM", handedBack::addAll)) {
      assertThatThrownBy(() -> stream.send(event(1)))
          .isInstanceOf(IOException.class)
          .hasMessageMatching("(?s)gone EM could not be reached in " + attempts.get()
              + " attempt\\(s\\) over 2\\d\\d\\d ms: .*")
          .hasMessageContaining("1 unacknowledged event(s) dropped (they may have arrived)")
          .hasRootCauseMessage("Connection refused");
      assertThat(stream.unacknowledged()).isZero();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isBetween(EventStream.RECONNECT_BUDGET, EventStream.RECONNECT_BUDGET.plusSeconds(3));
    assertThat(attempts.get()).as("growing pauses, at most 200 ms").isBetween(10, 20);
  }

  /**
   * A peer that, reconnected to after its acknowledgements stopped, no longer answers as an aex
   * event manager: the reader hands the unacknowledged events to the owner's other way, in order.
   */
  @Test
  void eventsHandedBackOutsideASendGoTheOtherWay() throws Exception {
    try (FakeAexEm em = new FakeAexEm(FakeAexEm.Mode.NO_ACKS, 0)) {
      StreamConnector real = StreamConnector.toEventManager(em.address(), Duration.ofMillis(300));
      AtomicInteger opened = new AtomicInteger();
      StreamConnector turnsOriginal = session -> {
        if (opened.getAndIncrement() == 0) {
          return real.open(session);
        }
        throw new NotAexException("the peer answered the hello with ILLEGAL_COMMAND");
      };
      try (EventStream stream = new EventStream(turnsOriginal, 64, Duration.ofMillis(300),
          "changing EM", handedBack::addAll)) {
        for (int i = 0; i < 3; i++) {
          stream.send(event(i));
        }
        for (int i = 0; i < 500 && handedBack.size() < 3; i++) {
          Thread.sleep(10);
        }
        assertThat(handedBack).extracting(CommandMessage::payload)
            .containsExactly(payload(0), payload(1), payload(2));
        assertThat(stream.unacknowledged()).isZero();
      }
    }
  }

  private EventStream stream(FakeAexEm em, int window, Duration timeout) {
    return new EventStream(StreamConnector.toEventManager(em.address(), timeout), window, timeout,
        "fake EM", handedBack::addAll);
  }

  private static void awaitReceived(FakeAexEm em, int n) throws InterruptedException {
    for (int i = 0; i < 1000 && em.received.size() < n; i++) {
      Thread.sleep(10);
    }
  }

  private static CommandMessage event(int i) {
    return new CommandMessage(CommandCode.REMOTE_OUTPUT, payload(i));
  }

  private static Bytes payload(int i) {
    return Bytes.of(ByteBuffer.allocate(8).putShort((short) 1).putShort((short) 2).putInt(i).array());
  }

  private static List<Bytes> events(int n) {
    return IntStream.range(0, n).mapToObj(EventStreamTest::payload).toList();
  }
}
