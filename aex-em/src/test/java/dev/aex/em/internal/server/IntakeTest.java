package dev.aex.em.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.support.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IntakeTest {
  private static final Duration LONG_HOLD = Duration.ofSeconds(30);
  private final List<String> order = new CopyOnWriteArrayList<>();

  @Test
  void aLaterConnectionWaitsUntilTheEarlierOneHasQueuedItsEvent() throws Exception {
    Intake intake = new Intake(LONG_HOLD);
    Intake.Slot first = intake.admit();
    Intake.Slot second = intake.admit();
    Thread later = Thread.ofVirtual().start(() -> queue(second, "second"));
    Await.until("the second connection waiting", Duration.ofSeconds(10), () -> isWaiting(later));

    assertThat(order).isEmpty();
    queue(first, "first");
    later.join(Duration.ofSeconds(10));

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void aConnectionWithoutAnEventDoesNotHoldTheOthersBack() throws Exception {
    Intake intake = new Intake(LONG_HOLD);
    Intake.Slot noEvent = intake.admit();
    Intake.Slot event = intake.admit();

    noEvent.skip();

    assertThat(event.awaitTurn()).isNotSameAs(Turn.NONE);
  }

  @Test
  void aSilentConnectionIsOvertakenAfterTheHoldAndThenNeedsNoTurn() throws Exception {
    Intake intake = new Intake(Duration.ofMillis(50));
    Intake.Slot silent = intake.admit();
    Intake.Slot event = intake.admit();

    Turn turn = event.awaitTurn(); // returns once the silent one's hold has passed
    turn.pass();

    assertThat(silent.awaitTurn()).isSameAs(Turn.NONE);
  }

  @Test
  void turnsFollowAcceptOrderNotArrivalOrder() throws Exception {
    Intake intake = new Intake(LONG_HOLD);
    List<Intake.Slot> slots = List.of(intake.admit(), intake.admit(), intake.admit());
    List<Thread> threads = List.of(
        Thread.ofVirtual().start(() -> queue(slots.get(2), "2")),
        Thread.ofVirtual().start(() -> queue(slots.get(1), "1")));
    for (Thread t : threads) {
      Await.until("connection waiting", Duration.ofSeconds(10), () -> isWaiting(t));
    }

    queue(slots.get(0), "0");
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(10));
    }

    assertThat(order).containsExactly("0", "1", "2");
  }

  private void queue(Intake.Slot slot, String name) {
    try {
      Turn turn = slot.awaitTurn();
      order.add(name);
      turn.pass();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isWaiting(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }
}
