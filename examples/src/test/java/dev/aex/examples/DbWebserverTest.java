package dev.aex.examples;

import static dev.aex.examples.Payloads.NOTHING;
import static dev.aex.examples.Payloads.u16;
import static dev.aex.examples.Payloads.u32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.Sender;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** db-webserver: each module alone against the fake EM, then both through a {@link Relay}. */
class DbWebserverTest extends ExampleTest {
  static final int REQUEST_RECEIVED = 0;
  static final int GET_REQUESTS = 1;
  /** Not in the descriptor: the test's own window on the db's count. */
  static final int PROBE = 9;

  @Test
  void theDbCountsRequestsAndAnswersGetNumRequests() throws Exception {
    try (RunningModule db = Examples.module("db-webserver", "db").start()) {
      Sender increment = db.connectInput(REQUEST_RECEIVED, "increment_requests");
      Sender webserver = Wiring.sender(db.connect(GET_REQUESTS, "get_num_requests"));

      assertThat(db.request(webserver, GET_REQUESTS, NOTHING)).isEqualTo(u32(0));
      for (int i = 0; i < 3; i++) {
        assertThat(db.event(increment, REQUEST_RECEIVED, NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));
      }
      assertThat(db.request(webserver, GET_REQUESTS, NOTHING)).isEqualTo(u32(3));
    }
  }

  @Test
  void eachPageAsksTheDbThenReportsTheRequest() throws Exception {
    try (RunningModule webserver = Examples.module("db-webserver", "webserver").start()) {
      Receiver db = Captured.receiver(webserver.connect(GET_REQUESTS, "get_requests"));
      Receiver counted = Captured.receiver(webserver.connect(REQUEST_RECEIVED, "request_received"));
      em.respondWith(command -> Payloads.isRequest(command) ? Optional.of(Payloads.answer(db, command, u32(41)))
          : Optional.empty());
      int port = Examples.freePort();

      assertThat(webserver.call("init", u16(port))).isEqualTo(ResultMessage.of(ResultCode.OK));
      assertThat(Http.get(port)).isEqualTo(new Http.Page(200, "41\n"));

      assertThat(Captured.next(em).entryId()).as("first the request").isEqualTo(4);
      ModuleOutput report = Captured.next(em);
      assertThat(report.connId()).isEqualTo(REQUEST_RECEIVED);
      assertThat(Captured.open(counted, report)).isEmpty();
    }
  }

  @Test
  void initStartsTheServerOnceAndChecksItsArgument() {
    try (RunningModule webserver = Examples.module("db-webserver", "webserver").start()) {
      assertThat(webserver.call("init", new byte[3]).code()).isEqualTo(ResultCode.ILLEGAL_PAYLOAD);
      assertThat(webserver.call("init", u16(Examples.freePort())).code()).isEqualTo(ResultCode.OK);
      assertThat(webserver.call("init", u16(Examples.freePort())).code()).isEqualTo(ResultCode.BAD_REQUEST);
    }
  }

  /** The original's CI check: after {@code call webserver init}, the page shows 0, then 1, then 2. */
  @Test
  void thePageCountsItsViewsEndToEnd() throws Exception {
    try (RunningModule webserver = Examples.module("db-webserver", "webserver").start();
        RunningModule db = Examples.module("db-webserver", "db").start()) {
      Relay relay = new Relay(em).route(REQUEST_RECEIVED, db).route(GET_REQUESTS, db);
      Wiring.connect(webserver, "request_received", db, "increment_requests", REQUEST_RECEIVED);
      Wiring.connect(webserver, "get_requests", db, "get_num_requests", GET_REQUESTS);
      Sender probe = Wiring.sender(db.connect(PROBE, "get_num_requests"));
      int port = Examples.freePort();

      assertThat(webserver.call("init", u16(port)).code()).isEqualTo(ResultCode.OK);
      for (int views = 0; views < 3; views++) {
        assertThat(Http.get(port).body()).isEqualTo(views + "\n");
        // request_received reaches the db after the page; wait for it, as a person between pages.
        awaitCount(db, probe, views + 1);
      }
      assertThat(Http.get(port, "/favicon.ico").status()).isEqualTo(404);
      assertThat(Http.get(port).body()).isEqualTo("3\n");
      assertThat(relay.failures()).isEmpty();
    }
  }

  private static void awaitCount(RunningModule db, Sender probe, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    byte[] count = db.request(probe, PROBE, NOTHING);
    while (!Arrays.equals(count, u32(expected)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      count = db.request(probe, PROBE, NOTHING);
    }
    assertThat(ByteBuffer.wrap(count).getInt()).as("db count").isEqualTo(expected);
  }
}
