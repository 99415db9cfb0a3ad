package dev.aex.em.routing;

import static dev.aex.em.support.Deployer.OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.em.support.Deployer;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.FakeModule;
import dev.aex.em.support.LogCapture;
import dev.aex.em.support.TestEms;
import dev.aex.module.testing.FakeEm;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.RegisterEntrypoint;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command the SGX/native event manager handles, against fake modules and a fake peer event
 * manager that record the exact bytes (protocol.md §1.6, §1.7, §3.1.4, §3.1.5).
 */
class CommandHandlingTest {
  static final Bytes DATA = Bytes.fromHex("00112233445566778899aabbccddeeff0102030405");
  static final int AEX_MODULE = 1;
  static final int ORIGINAL_MODULE = 2;

  int port;
  EventManager em;
  FakeModule aex;
  FakeModule original;
  FakeEm peer;

  @BeforeEach
  void start() {
    port = LoopbackPorts.freeBlock(4);
    em = TestEms.start(port);
    aex = FakeModule.aex(port + AEX_MODULE);
    original = FakeModule.original(port + ORIGINAL_MODULE);
    peer = new FakeEm();
  }

  @AfterEach
  void stop() {
    em.close();
    aex.close();
    original.close();
    peer.close();
  }

  @Test
  void callStripsTheModuleIdAndReturnsTheModulesReplyUnchanged() {
    ResultMessage answer = new ResultMessage(ResultCode.BAD_REQUEST, Bytes.fromHex("beef"));
    aex.respondWith(m -> Optional.of(answer));

    Optional<ResultMessage> reply = EmClient.exchange(port, new Call(AEX_MODULE, 7, Bytes.fromHex("0a0b")).toMessage());

    assertThat(reply).contains(answer);
    assertThat(aex.next()).isEqualTo(new Message(Bytes.fromHex("00070a0b")));
  }

  /**
   * A module that takes a message and answers later than the module timeout (code that is slow
   * or waits for ever) is named as such, not as unreachable, and the caller gets InternalError.
   */
  @Test
  void aModuleThatDoesNotAnswerInTimeIsNamedAsSlowNotUnreachable() throws Exception {
    em.close();
    em = TestEms.start(port, b -> b.moduleTimeout(Duration.ofMillis(500)));
    CountDownLatch release = new CountDownLatch(1);
    aex.respondWith(m -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.of(OK);
    });
    try (LogCapture log = new LogCapture()) {
      Optional<ResultMessage> reply =
          EmClient.exchange(port, new Call(AEX_MODULE, 7, Bytes.fromHex("0a0b")).toMessage());

      assertThat(reply).contains(ResultMessage.of(ResultCode.INTERNAL_ERROR));
      assertThat(log.lines()).anyMatch(line -> line.startsWith("WARNING ") && line.contains(
          "module 1 (port " + (port + AEX_MODULE) + ") did not answer in time: is one of its"
              + " inputs, handlers or entries slow or stuck?"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void remoteOutputBecomesHandleInputForTheModuleWithoutReply() {
    try (EmClient client = EmClient.connect(port)) {
      client.send(event(CommandCode.REMOTE_OUTPUT, AEX_MODULE, 9));

      assertThat(aex.next()).isEqualTo(new Message(head(3, 9)));
      // No reply came for the event: the next reply on this connection is the Connect's.
      assertThat(client.send(connect(1, AEX_MODULE, true, port)).reply()).contains(OK);
    }
  }

  @Test
  void remoteRequestBecomesHandleHandlerAndTheModulesReplyComesBack() {
    ResultMessage answer = new ResultMessage(ResultCode.OK, Bytes.fromHex("c1c2c3"));
    aex.respondWith(m -> Optional.of(answer));

    assertThat(EmClient.exchange(port, event(CommandCode.REMOTE_REQUEST, AEX_MODULE, 4))).contains(answer);
    assertThat(aex.next()).isEqualTo(new Message(head(4, 4)));
  }

  @Test
  void aLocalModuleOutputGoesUnchangedToTheDestinationWhoseReplyGoesBackToTheSource() {
    Deployer.connect(port, 5, AEX_MODULE, true, 1);

    assertThat(EmClient.exchange(port, event(CommandCode.MODULE_OUTPUT, 3, 5))).contains(OK);
    assertThat(aex.next()).isEqualTo(new Message(head(3, 5)));
  }

  @Test
  void aRemoteModuleOutputBecomesRemoteOutputAtThePeerWithoutReply() {
    Deployer.connect(port, 6, 12, false, peer.port());
    try (EmClient client = EmClient.connect(port)) {
      client.send(event(CommandCode.MODULE_OUTPUT, 3, 6));

      assertThat(peer.next()).isEqualTo(new CommandMessage(CommandCode.REMOTE_OUTPUT, head(12, 6)));
      assertThat(client.send(connect(1, AEX_MODULE, true, port)).reply()).contains(OK);
    }
  }

  @Test
  void aRemoteRequestOfAModuleGoesToThePeerAndItsReplyComesBack() {
    ResultMessage answer = new ResultMessage(ResultCode.OK, Bytes.fromHex("d1d2"));
    peer.respondWith(command -> Optional.of(answer));
    Deployer.connect(port, 7, 13, false, peer.port());

    assertThat(EmClient.exchange(port, event(CommandCode.MODULE_OUTPUT, 4, 7))).contains(answer);
    assertThat(peer.next()).isEqualTo(new CommandMessage(CommandCode.REMOTE_REQUEST, head(13, 7)));
  }

  @Test
  void aRequestThePeerDoesNotAnswerIsGenericError() {
    Deployer.connect(port, 7, 13, false, peer.port());

    assertThat(EmClient.exchange(port, event(CommandCode.MODULE_OUTPUT, 4, 7)))
        .contains(ResultMessage.of(ResultCode.GENERIC_ERROR));
  }

  @Test
  void severalCommandsOnOneConnectionAreAnsweredInOrder() {
    aex.respondWith(m -> Optional.of(new ResultMessage(ResultCode.OK, m.payload())));
    try (EmClient client = EmClient.connect(port)) {
      client.send(connect(1, AEX_MODULE, true, port));
      client.send(new Call(AEX_MODULE, 5, Bytes.fromHex("01")).toMessage());
      client.send(new Call(AEX_MODULE, 6, Bytes.fromHex("02")).toMessage());

      assertThat(client.reply()).contains(OK);
      assertThat(client.reply()).contains(new ResultMessage(ResultCode.OK, Bytes.fromHex("000501")));
      assertThat(client.reply()).contains(new ResultMessage(ResultCode.OK, Bytes.fromHex("000602")));
    }
  }

  @Test
  void aCommandArrivingOneByteAtATimeIsHandled() {
    try (EmClient client = EmClient.connect(port)) {
      client.sendByteByByte(new Call(AEX_MODULE, 5, DATA).toMessage().encode().toByteArray());

      assertThat(client.reply()).contains(OK);
    }
  }

  @Test
  void anAexModuleKeepsOneConnectionForManyMessages() {
    for (int i = 0; i < 5; i++) {
      assertThat(EmClient.exchange(port, new Call(AEX_MODULE, 5, DATA).toMessage())).contains(OK);
    }
    assertThat(aex.connections()).isEqualTo(1);
  }

  @Test
  void anOriginalModuleGetsEachMessageExactlyOnceOnAConnectionOfItsOwn() {
    for (int i = 0; i < 5; i++) {
      Bytes args = Bytes.of((byte) i);
      assertThat(EmClient.exchange(port, new Call(ORIGINAL_MODULE, 5, args).toMessage())).contains(OK);
      assertThat(original.next()).isEqualTo(new Call(ORIGINAL_MODULE, 5, args).toEntryCall().toMessage());
    }
    assertThat(original.connections()).isEqualTo(5);
  }

  /** Refused, as the TrustZone event manager does: the original's Ok hides that it never runs. */
  @Test
  void registerEntrypointIsRefusedWhenPeriodicTasksAreOff() {
    assertThat(EmClient.exchange(port, new RegisterEntrypoint(AEX_MODULE, 5, 1000).toMessage()))
        .contains(ResultMessage.of(ResultCode.INTERNAL_ERROR));
  }

  @Test
  void resetWithoutItsLengthBytesIsAReset() {
    try (EmClient client = EmClient.connect(port)) {
      assertThat(client.sendRaw(new byte[] {4}).shutdownOutput().reply()).contains(OK);
    }
  }

  @Test
  void resetForgetsEveryRoute() {
    Deployer.connect(port, 5, AEX_MODULE, true, 1);

    assertThat(EmClient.exchange(port, CommandMessage.of(CommandCode.RESET))).contains(OK);

    assertThat(EmClient.exchange(port, event(CommandCode.MODULE_OUTPUT, 3, 5))).as("closed, no reply").isEmpty();
  }

  @Test
  void aModuleThatDoesNotAnswerDelaysNoOtherModule() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    aex.respondWith(m -> {
      awaitQuietly(release);
      return Optional.of(OK);
    });
    Thread stuck = Thread.ofVirtual().start(() -> EmClient.exchange(port, new Call(AEX_MODULE, 5, DATA).toMessage()));
    try {
      assertThat(aex.next()).as("the slow module got its call").isNotNull();

      assertThat(EmClient.exchange(port, new Call(ORIGINAL_MODULE, 5, DATA).toMessage())).contains(OK);
      assertThat(EmClient.exchange(port, event(CommandCode.REMOTE_REQUEST, ORIGINAL_MODULE, 2))).contains(OK);
    } finally {
      release.countDown();
      stuck.join(Duration.ofSeconds(20));
    }
  }

  /**
   * aex up's probe gets IllegalCommand, as every unknown code, but no warning: it is expected.
   * Another unknown code still warns.
   */
  @Test
  void theProbeOfAexUpIsAnsweredWithoutAWarning() {
    try (LogCapture log = new LogCapture(); EmClient probe = EmClient.connect(port);
        EmClient other = EmClient.connect(port)) {
      assertThat(probe.sendRaw(new byte[] {(byte) CommandCode.PROBE, 0, 0}).reply())
          .contains(ResultMessage.of(ResultCode.ILLEGAL_COMMAND));
      assertThat(other.sendRaw(new byte[] {(byte) 0xfe, 0, 0}).reply())
          .contains(ResultMessage.of(ResultCode.ILLEGAL_COMMAND));
      log.await("the warning for code 254", line -> line.contains("unknown CommandCode: 254"));
      assertThat(log.lines()).noneMatch(line -> line.startsWith("WARNING")
          && line.contains("unknown CommandCode: 255"));
    }
  }

  @Test
  void payloadBytesAreLoggedOnlyAtTraceLevel() {
    String payloadHex = DATA.hex().substring(0, 16);
    try (LogCapture log = new LogCapture()) {
      EmClient.exchange(port, event(CommandCode.REMOTE_REQUEST, AEX_MODULE, 2));
      EmClient.exchange(port, event(CommandCode.MODULE_OUTPUT, 3, 99)); // unknown connection: a warning
      assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(payloadHex));
    }
    em.close();
    em = TestEms.start(port, b -> b.logLevel(LogLevel.TRACE));
    try (LogCapture log = new LogCapture()) {
      EmClient.exchange(port, event(CommandCode.REMOTE_REQUEST, AEX_MODULE, 2));
      assertThat(log.lines()).anyMatch(line -> line.contains(payloadHex));
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code [first:2][conn_id:2][DATA]} as RemoteOutput, RemoteRequest or ModuleOutput. */
  static CommandMessage event(CommandCode code, int first, int connId) {
    return new CommandMessage(code, head(first, connId));
  }

  static Bytes head(int first, int connId) {
    return Bytes.of((byte) (first >>> 8), (byte) first, (byte) (connId >>> 8), (byte) connId).concat(DATA);
  }

  static CommandMessage connect(int connId, int toSm, boolean local, int peerPort) {
    return new Connect(connId, toSm, local, peerPort, Deployer.loopback()).toMessage();
  }
}
