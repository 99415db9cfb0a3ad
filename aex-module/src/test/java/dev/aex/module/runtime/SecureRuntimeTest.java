package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.ReceivedRequest;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The secure default: set_key, events, fan-out, requests, entries, attest and disable. */
class SecureRuntimeTest {
  private static final ResultMessage OK = ResultMessage.of(ResultCode.OK);

  private final Harness harness = new Harness();
  private final TestModule module = new TestModule();
  private final TestDeployer deployer = new TestDeployer(SymmetricKey.random16());

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void setKeyThenInputDeliversTheData() throws Exception {
    int port = harness.start(module, deployer.moduleKey).port();
    assertKeyedInputDelivers(port, 5, "hi");
  }

  @Test
  void severalMessagesOnOneConnectionAreEachAnswered() throws Exception {
    int port = harness.start(module, deployer.moduleKey).port();
    SymmetricKey key = SymmetricKey.random16();
    Sender sender = SecureAesGcm.create(key).newSender();
    try (ModuleClient client = ModuleClient.connect(port)) {
      assertThat(client.send(0, deployer.setKey(2, 1, TestModule.IN_RECORD, key))).isEqualTo(OK);
      for (int i = 0; i < 3; i++) {
        byte[] frame = sender.seal(TestDeployer.ad(3, 1), new byte[] {(byte) i});
        assertThat(client.send(3, TestDeployer.eventArgs(1, frame))).isEqualTo(OK);
        assertThat(module.nextInput()).containsExactly(i);
      }
    }
  }

  @Test
  void outputFansOutToEveryConnectionSealedForEach() {
    int port = harness.start(module, deployer.moduleKey).port();
    SymmetricKey first = SymmetricKey.random16();
    SymmetricKey second = SymmetricKey.random16();
    ModuleClient.call(port, 0, deployer.setKey(2, 9, TestModule.OUT, second));
    ModuleClient.call(port, 0, deployer.setKey(2, 4, TestModule.OUT, first));

    assertThat(ModuleClient.call(port, TestModule.E_SEND, bytes("event"))).isEqualTo(OK);

    // Each event reaches the fake EM on a connection of its own, so in either order.
    Map<Integer, CommandMessage> byConnection = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      CommandMessage command = harness.em.next();
      byConnection.put(decodeOutput(command).connId(), command);
    }
    assertThat(byConnection).containsOnlyKeys(4, 9);
    assertThat(openEvent(byConnection.get(4), 4, receiver(first))).isEqualTo(bytes("event"));
    assertThat(openEvent(byConnection.get(9), 9, receiver(second))).isEqualTo(bytes("event"));
  }

  @Test
  void anOutputWithoutConnectionsSendsNothing() {
    int port = harness.start(module, deployer.moduleKey).port();
    assertThat(ModuleClient.call(port, TestModule.E_SEND, bytes("x"))).isEqualTo(OK);
    harness.em.assertNothingWithin(Duration.ofMillis(200));
  }

  @Test
  void reKeyingAnOutputConnectionAsAnInputRemovesItFromTheOutput() {
    int port = harness.start(module, deployer.moduleKey).port();
    ModuleClient.call(port, 0, deployer.setKey(2, 3, TestModule.OUT, SymmetricKey.random16()));
    ModuleClient.call(port, 0, deployer.setKey(2, 3, TestModule.IN_RECORD, SymmetricKey.random16()));

    assertThat(ModuleClient.call(port, TestModule.E_SEND, bytes("x"))).isEqualTo(OK);
    harness.em.assertNothingWithin(Duration.ofMillis(200));
  }

  @Test
  void userEntriesReturnTheirCodeAndPayload() {
    int port = harness.start(module, deployer.moduleKey).port();
    assertThat(ModuleClient.call(port, TestModule.E_ECHO, bytes("abc")))
        .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("abc"))));
    assertThat(ModuleClient.call(port, TestModule.E_FAIL, bytes("why")))
        .isEqualTo(new ResultMessage(ResultCode.GENERIC_ERROR, Bytes.of(bytes("why"))));
  }

  @Test
  void handlerAnswersARequestWithItsSealedReply() throws Exception {
    int port = harness.start(module, deployer.moduleKey).port();
    SymmetricKey key = SymmetricKey.random16();
    ModuleClient.call(port, 0, deployer.setKey(2, 6, TestModule.H_ECHO, key));

    PendingRequest request =
        SecureAesGcm.create(key).newSender().sealRequest(TestDeployer.ad(4, 6), bytes("q"));
    ResultMessage reply = ModuleClient.call(port, 4, TestDeployer.eventArgs(6, request.frame()));

    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    assertThat(request.openReply(TestDeployer.ad(4, 6), reply.payload().toByteArray()))
        .isEqualTo(bytes("echo:q"));
  }

  @Test
  void requestGoesThroughTheEventManagerAndItsReplyIsAuthenticated() throws Exception {
    int port = harness.start(module, deployer.moduleKey).port();
    SymmetricKey key = SymmetricKey.random16();
    ModuleClient.call(port, 0, deployer.setKey(2, 7, TestModule.REQ, key));
    Receiver handlerSide = receiver(key);
    harness.em.respondWith(
        command -> {
          ModuleOutput output = decodeOutput(command);
          try {
            ReceivedRequest received =
                handlerSide.openRequest(TestDeployer.ad(4, 7), output.data().encode().toByteArray());
            byte[] answer = TestModule.concat("answer to ", received.plaintext());
            return Optional.of(ok(received.sealReply(TestDeployer.ad(4, 7), answer)));
          } catch (Exception e) {
            return Optional.of(ResultMessage.of(ResultCode.CRYPTO_ERROR));
          }
        });

    assertThat(ModuleClient.call(port, TestModule.E_ASK, bytes("q")))
        .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("answer to q"))));
    assertThat(decodeOutput(harness.em.next()).entryId()).isEqualTo(4);
  }

  @Test
  void requestRelayedToASecondModuleReachesItsHandler() {
    TestModule handlerModule = new TestModule();
    int requester = harness.start(module, deployer.moduleKey).port();
    TestDeployer otherDeployer = new TestDeployer(SymmetricKey.random16());
    int handler = harness.start(handlerModule, otherDeployer.moduleKey).port();
    SymmetricKey key = SymmetricKey.random16();
    ModuleClient.call(requester, 0, deployer.setKey(2, 3, TestModule.REQ, key));
    ModuleClient.call(handler, 0, otherDeployer.setKey(2, 3, TestModule.H_ECHO, key));
    // The EM's routing table: connection 3 goes to the handler module, forwarded unchanged.
    harness.em.respondWith(
        command -> Optional.of(ModuleClient.raw(handler, messageOf(command.payload()))));

    for (String question : new String[] {"one", "two"}) {
      assertThat(ModuleClient.call(requester, TestModule.E_ASK, bytes(question)))
          .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("echo:" + question))));
    }
  }

  @Test
  void disableDropsEveryConnectionAndTheModuleCanBeReKeyed() throws Exception {
    int port = harness.start(module, deployer.moduleKey).port();
    SymmetricKey key = SymmetricKey.random16();
    Sender sender = SecureAesGcm.create(key).newSender();
    ModuleClient.call(port, 0, deployer.setKey(2, 1, TestModule.IN_RECORD, key));

    assertThat(ModuleClient.call(port, 2, deployer.disable())).isEqualTo(OK);
    byte[] frame = sender.seal(TestDeployer.ad(3, 1), bytes("late"));
    assertThat(ModuleClient.call(port, 3, TestDeployer.eventArgs(1, frame)).code())
        .isEqualTo(ResultCode.BAD_REQUEST);

    assertKeyedInputDelivers(port, 1, "ok");
  }

  /** Keys a fresh input connection, sends one event on it, and checks the module got it. */
  private void assertKeyedInputDelivers(int port, int connId, String data) throws Exception {
    SymmetricKey key = SymmetricKey.random16();
    assertThat(ModuleClient.call(port, 0, deployer.setKey(2, connId, TestModule.IN_RECORD, key)))
        .isEqualTo(OK);
    byte[] frame =
        SecureAesGcm.create(key).newSender().seal(TestDeployer.ad(3, connId), bytes(data));
    assertThat(ModuleClient.call(port, 3, TestDeployer.eventArgs(connId, frame))).isEqualTo(OK);
    assertThat(module.nextInput()).isEqualTo(bytes(data));
  }

  @Test
  void attestSealsTheAuthenticatedChallengeBack() throws Exception {
    int port = harness.start(module, deployer.moduleKey).port();
    byte[] challenge = SymmetricKey.random16().revealBytes();
    PendingRequest request = deployer.attest(challenge);

    ResultMessage reply = ModuleClient.call(port, 1, request.frame());

    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    assertThat(request.openReply(new byte[] {0, 1}, reply.payload().toByteArray()))
        .isEqualTo(challenge);
  }

  @Test
  void attestWithAnotherModulesKeyIsACryptoError() {
    int port = harness.start(module, deployer.moduleKey).port();
    PendingRequest forged = new TestDeployer(SymmetricKey.random16()).attest(new byte[16]);
    assertThat(ModuleClient.call(port, 1, forged.frame()).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void closeIsIdempotentAndFreesThePort() {
    ModuleRuntime runtime = harness.start(module, deployer.moduleKey);
    runtime.close();
    runtime.close();
    assertThat(runtime.name()).isEqualTo("test_module");
  }

  static Receiver receiver(SymmetricKey key) {
    return SecureAesGcm.create(key).newReceiver();
  }

  static byte[] openEvent(CommandMessage command, int connId, Receiver receiver) {
    ModuleOutput output = decodeOutput(command);
    assertThat(output.entryId()).isEqualTo(3);
    assertThat(output.connId()).isEqualTo(connId);
    try {
      return receiver.open(TestDeployer.ad(3, connId), output.data().encode().toByteArray());
    } catch (Exception e) {
      throw new AssertionError("event on connection " + connId + " does not open", e);
    }
  }

  static ModuleOutput decodeOutput(CommandMessage command) {
    assertThat(command.code()).isEqualTo(CommandCode.MODULE_OUTPUT);
    try {
      return ModuleOutput.decode(command.payload());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** What an EM forwards to a local module: the ModuleOutput payload as a Message. */
  static byte[] messageOf(Bytes payload) {
    return new Message(payload).encode().toByteArray();
  }

  static ResultMessage ok(byte[] payload) {
    return new ResultMessage(ResultCode.OK, Bytes.of(payload));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
