package dev.aex.em.routing;

import static dev.aex.em.routing.CommandHandlingTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.FakeModule;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client could make the event manager send its bytes to any loopback port above its own
 * (EM_PORT + id) and relay the service's answer back (found by the hostile-network user test):
 * by default only modules the event manager loaded get messages.
 */
class UnloadedModuleTest {
  private static final int ID = 3;

  private int port;
  private EventManager em;
  private FakeModule service;

  @BeforeEach
  void start() {
    port = LoopbackPorts.freeBlock(4);
    em = TestEms.start(port, b -> b.routeToUnloadedModules(false));
    service = FakeModule.aex(port + ID).respondWith(m -> Optional.of(
        new ResultMessage(ResultCode.OK, Bytes.fromHex("5345435245540a"))));
  }

  @AfterEach
  void stop() {
    em.close();
    service.close();
  }

  @Test
  void callsRequestsAndEventsToAnIdItDidNotLoadReachNothing() {
    assertThat(EmClient.exchange(port, new Call(ID, 7, Bytes.fromHex("0a0b")).toMessage()))
        .contains(ResultMessage.of(ResultCode.INTERNAL_ERROR));
    assertThat(EmClient.exchange(port, event(CommandCode.REMOTE_REQUEST, ID, 4)))
        .hasValueSatisfying(r -> assertThat(r.code()).isNotEqualTo(ResultCode.OK));
    EmClient.send(port, event(CommandCode.REMOTE_OUTPUT, ID, 9));

    assertThat(service.quietFor(Duration.ofMillis(500))).isTrue();
    assertThat(service.connections()).isZero();
  }

  /** The option gives the original's behaviour, for modules started by hand beside it. */
  @Test
  void theOptionRoutesToModulesStartedByHand() {
    int other = LoopbackPorts.freeBlock(4);
    try (EventManager open = TestEms.start(other, b -> b.routeToUnloadedModules(true));
        FakeModule byHand = FakeModule.aex(other + ID)) {
      assertThat(EmClient.exchange(other, new Call(ID, 7, Bytes.empty()).toMessage()))
          .contains(ResultMessage.of(ResultCode.OK));
      assertThat(byHand.next()).isNotNull();
    }
  }
}
