package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.ReceivedRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.module.testing.FakeEm;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A built module binary run as a process and driven over loopback exactly as its event manager
 * and the deployer would: set_key, events, fan-out, handler, request through the EM, entries,
 * attest, disable. Each test gets a fresh process; {@link BadMessageProcessTest} does the rest.
 */
class ModuleProcessTest extends CounterProcessFixture {
  @Test
  void anEventIsCountedAndPassedOnToEveryOutputConnection() throws Exception {
    SymmetricKey first = SymmetricKey.random16();
    SymmetricKey second = SymmetricKey.random16();
    setKey(2, counter.id("counted"), first);
    setKey(3, counter.id("counted"), second);
    Sender input = keyedInput(1);

    assertThat(event(input, 1, "ping")).isEqualTo(OK);

    Map<Integer, SymmetricKey> keys = Map.of(2, first, 3, second);
    for (int i = 0; i < 2; i++) {
      ModuleOutput output = ModuleOutput.decode(nextCommand(CommandCode.MODULE_OUTPUT).payload());
      assertThat(output.entryId()).isEqualTo(3);
      byte[] opened = SecureAesGcm.create(keys.get(output.connId())).newReceiver()
          .open(TestDeployer.ad(3, output.connId()), output.data().encode().toByteArray());
      assertThat(opened).isEqualTo(bytes("ping"));
    }
  }

  @Test
  void theHandlerAnswersWithTheCount() throws Exception {
    Sender input = keyedInput(1);
    event(input, 1, "a");
    event(input, 1, "b");
    SymmetricKey key = SymmetricKey.random16();
    setKey(4, counter.id("get_count"), key);

    PendingRequest request = SecureAesGcm.create(key).newSender().sealRequest(TestDeployer.ad(4, 4), bytes("?"));
    ResultMessage reply = ModuleClient.call(counter.port(), 4, TestDeployer.eventArgs(4, request.frame()));

    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    assertThat(request.openReply(TestDeployer.ad(4, 4), reply.payload().toByteArray()))
        .isEqualTo(ByteBuffer.allocate(4).putInt(2).array());
  }

  @Test
  void aRequestGoesOutThroughTheEventManagerAndItsAnswerComesBack() throws Exception {
    SymmetricKey key = SymmetricKey.random16();
    setKey(5, counter.id("lookup"), key);
    em.respondWith(command -> Optional.of(answer(command, key)));

    assertThat(ModuleClient.call(counter.port(), counter.id("ask"), bytes("q")))
        .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("answer to q"))));
    assertThat(ModuleOutput.decode(nextCommand(CommandCode.MODULE_OUTPUT).payload()).entryId()).isEqualTo(4);
  }

  @Test
  void aForgedAnswerFailsTheRequestAndTheModuleKeepsServing() {
    setKey(5, counter.id("lookup"), SymmetricKey.random16());
    em.respondWith(command -> Optional.of(new ResultMessage(ResultCode.OK, Bytes.of(new byte[40]))));

    assertThat(ModuleClient.call(counter.port(), counter.id("ask"), bytes("q")).code())
        .isEqualTo(ResultCode.GENERIC_ERROR);
    assertThat(ModuleClient.call(counter.port(), counter.id("reset"), new byte[0]))
        .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("reset"))));
  }

  @Test
  void anExceptionInAnEntryIsAnInternalErrorNotADeadModule() {
    assertThat(ModuleClient.call(counter.port(), counter.id("crash"), new byte[0]).code())
        .isEqualTo(ResultCode.INTERNAL_ERROR);
    assertThat(ModuleClient.call(counter.port(), counter.id("reset"), new byte[0]))
        .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("reset"))));
    assertThat(module.isAlive()).isTrue();
  }

  @Test
  void attestProvesTheStampedKey() throws Exception {
    byte[] challenge = SymmetricKey.random16().revealBytes();
    PendingRequest attest = deployer.attest(challenge);

    ResultMessage reply = ModuleClient.call(counter.port(), 1, attest.frame());

    assertThat(attest.openReply(new byte[] {0, 1}, reply.payload().toByteArray())).isEqualTo(challenge);
    PendingRequest forged = new TestDeployer(SymmetricKey.random16()).attest(challenge);
    assertThat(ModuleClient.call(counter.port(), 1, forged.frame()).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void disableDropsEveryConnectionAndCannotBeReplayed() {
    Sender input = keyedInput(1);
    byte[] disable = deployer.disable();

    assertThat(ModuleClient.call(counter.port(), 2, disable)).isEqualTo(OK);

    assertThat(event(input, 1, "late").code()).isEqualTo(ResultCode.BAD_REQUEST);
    assertThat(ModuleClient.call(counter.port(), 2, disable).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
  }

  @Test
  void noKeyReachesTheModuleLog() {
    SymmetricKey connectionKey = SymmetricKey.random16();
    setKey(6, counter.id("increment"), connectionKey);
    byte[] forged = new TestDeployer(SymmetricKey.random16()).setKey(2, 7, 0, connectionKey);
    assertThat(ModuleClient.call(counter.port(), 0, forged).code()).isEqualTo(ResultCode.CRYPTO_ERROR);
    module.close();

    assertThat(module.stderr()).doesNotContainIgnoringCase(hex(MODULE_KEY))
        .doesNotContainIgnoringCase(hex(connectionKey));
  }

  /** The handler's side, as a second module behind the EM would answer. */
  private static ResultMessage answer(CommandMessage command, SymmetricKey key) {
    try {
      ModuleOutput request = ModuleOutput.decode(command.payload());
      byte[] ad = TestDeployer.ad(4, request.connId());
      ReceivedRequest received =
          SecureAesGcm.create(key).newReceiver().openRequest(ad, request.data().encode().toByteArray());
      byte[] answer = bytes("answer to " + new String(received.plaintext(), StandardCharsets.UTF_8));
      return new ResultMessage(ResultCode.OK, Bytes.of(received.sealReply(ad, answer)));
    } catch (Exception e) {
      return ResultMessage.of(ResultCode.CRYPTO_ERROR);
    }
  }

  private static String hex(SymmetricKey key) {
    return HexFormat.of().formatHex(key.revealBytes());
  }
}
