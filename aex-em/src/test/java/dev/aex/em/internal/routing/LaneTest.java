package dev.aex.em.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.ResultMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaneTest {
  private static final Duration WAIT = Duration.ofMillis(200);
  private static final int EVENT = 0xffff;

  @Test
  void inlineAndQueuedDeliveriesKeepTheOrderOfSubmission() throws Exception {
    Lane lane = lane("test", 100, new QueuedBytes(1 << 20));
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Optional<ResultMessage>>> results = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int n = i;
      results.add(lane.submit("event " + i, 10, more -> {
        order.add(n);
        return CompletableFuture.completedFuture(Optional.empty());
      }, WAIT, i % 3 == 0));
    }
    for (CompletableFuture<Optional<ResultMessage>> result : results) {
      result.get(5, TimeUnit.SECONDS);
    }
    assertThat(order).hasSize(500).isSorted();
  }

  @Test
  void clearCancelsWhatTheLanesThreadTookButHadNotDelivered() throws Exception {
    QueuedBytes budget = new QueuedBytes(1 << 20);
    Lane lane = lane("reset", 100, budget);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Optional<ResultMessage>>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      results.add(lane.submit("event " + i, 10, more -> {
        if (n == 0) {
          started.countDown();
          release.await(5, TimeUnit.SECONDS);
        }
        delivered.add(n);
        return CompletableFuture.completedFuture(Optional.empty());
      }, WAIT, false));
    }
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    lane.clear();
    release.countDown();

    assertThat(results.get(0)).succeedsWithin(Duration.ofSeconds(5));
    for (CompletableFuture<Optional<ResultMessage>> later : results.subList(1, results.size())) {
      assertThat(later).failsWithin(Duration.ofSeconds(5))
          .withThrowableThat().isInstanceOf(CancellationException.class);
    }
    assertThat(delivered).containsExactly(0);
    assertThat(budget.reserve(1 << 20, Duration.ZERO)).as("every queued byte given back").isTrue();
  }

  @Test
  void theByteBudgetHoldsBackAndThenRefusesWhatDoesNotFit() throws Exception {
    QueuedBytes budget = new QueuedBytes(2 * EVENT);
    Stuck stuck = stuckLane(budget, 100);
    stuck.submit("second", WAIT);
    stuck.submit("third", WAIT);

    CompletableFuture<Optional<ResultMessage>> fourth = stuck.submit("fourth", WAIT);

    assertThat(fourth).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(RejectedExecutionException.class)
        .withMessageContaining("bytes of queued events");
    stuck.release().countDown();
  }

  /** A sender waits at most {@code wait} in all, not that long for the budget and again for the lane. */
  @Test
  void theWaitForTheBudgetAndForTheLaneIsOneWait() throws Exception {
    QueuedBytes budget = new QueuedBytes(2 * EVENT);
    Stuck stuck = stuckLane(budget, 1);
    stuck.submit("second", WAIT); // fills the lane
    assertThat(budget.reserve(EVENT, Duration.ZERO)).as("another lane's event").isTrue();

    Duration wait = Duration.ofSeconds(1);
    CompletableFuture<Long> refusedAfter = CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      try {
        stuck.submit("third", wait).exceptionally(e -> null).join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    });
    Thread.sleep(700); // the other lane's event leaves: the budget has room, the lane none
    budget.release(EVENT);

    // One wait: refused at 1 s; a second full wait for the lane would make it 1.7 s.
    assertThat(refusedAfter.get(5, TimeUnit.SECONDS)).isBetween(900L, 1_400L);
    stuck.release().countDown();
  }

  /** One stuck destination held every other one back once it filled the whole budget. */
  @Test
  void aStuckLaneHoldsItsShareAndLeavesTheRestToTheOthers() throws Exception {
    QueuedBytes budget = new QueuedBytes(8 * EVENT);
    Stuck stuck = stuckLane(budget, new QueuedBytes(2 * EVENT), 100);
    stuck.submit("second", WAIT);
    stuck.submit("third", WAIT);

    assertThat(stuck.submit("fourth", WAIT)).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(RejectedExecutionException.class)
        .withMessageContaining("the queue to slow held its share, " + 2 * EVENT + " bytes");
    assertThat(budget.reserve(6 * EVENT, Duration.ZERO)).as("room for the other lanes").isTrue();
    budget.release(6 * EVENT);
    stuck.release().countDown();
  }

  /** A lane with no share of its own, as the tests of the budget alone want. */
  private static Lane lane(String name, int capacity, QueuedBytes budget) {
    return new Lane(name, capacity, budget, new QueuedBytes(Integer.MAX_VALUE));
  }

  /** A lane whose thread blocks in its first delivery until {@code release} counts down. */
  private record Stuck(Lane lane, CountDownLatch release) {
    CompletableFuture<Optional<ResultMessage>> submit(String what, Duration wait)
        throws InterruptedException {
      return lane.submit(what, EVENT, more -> {
        release.await(10, TimeUnit.SECONDS);
        return CompletableFuture.completedFuture(Optional.empty());
      }, wait, false);
    }
  }

  /** A {@link Stuck} lane of {@code capacity}; the first delivery's bytes are back in the budget. */
  private static Stuck stuckLane(QueuedBytes budget, int capacity) throws InterruptedException {
    return stuckLane(budget, new QueuedBytes(Integer.MAX_VALUE), capacity);
  }

  private static Stuck stuckLane(QueuedBytes budget, QueuedBytes share, int capacity)
      throws InterruptedException {
    Stuck stuck = new Stuck(new Lane("slow", capacity, budget, share), new CountDownLatch(1));
    stuck.submit("first", WAIT);
    awaitBudget(budget, budget.max());
    return stuck;
  }

  /** The first delivery leaves the queue (and gives its bytes back) once the lane's thread runs it. */
  private static void awaitBudget(QueuedBytes budget, int free) throws InterruptedException {
    for (int i = 0; i < 500 && !budget.reserve(free, Duration.ZERO); i++) {
      Thread.sleep(10);
    }
    budget.release(free);
  }
}
