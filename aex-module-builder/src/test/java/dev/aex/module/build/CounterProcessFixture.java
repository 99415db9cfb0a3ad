package dev.aex.module.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The {@code counter} module (built once, {@link CounterBinaryFixture}) run as a fresh process for
 * each test, with the deployer's side of its module key.
 */
abstract class CounterProcessFixture extends CounterBinaryFixture {
  static final ResultMessage OK = ResultMessage.of(ResultCode.OK);

  final TestDeployer deployer = new TestDeployer(MODULE_KEY);
  ModuleProcess module;

  @BeforeEach
  void start() throws Exception {
    em.respondWith(command -> Optional.empty());
    em.discardReceived();
    module = ModuleProcess.start(counter.binary(), counter.port(), env -> {});
  }

  @AfterEach
  void stop() {
    module.close();
  }

  Sender keyedInput(int connId) {
    SymmetricKey key = SymmetricKey.random16();
    setKey(connId, counter.id("increment"), key);
    return SecureAesGcm.create(key).newSender();
  }

  void setKey(int connId, int ioId, SymmetricKey key) {
    assertThat(ModuleClient.call(counter.port(), 0, deployer.setKey(2, connId, ioId, key))).isEqualTo(OK);
  }

  ResultMessage event(Sender sender, int connId, String data) {
    byte[] frame = sender.seal(TestDeployer.ad(3, connId), bytes(data));
    return ModuleClient.call(counter.port(), 3, TestDeployer.eventArgs(connId, frame));
  }

  static CommandMessage nextCommand(CommandCode expected) {
    CommandMessage command = em.next();
    assertThat(command.code()).isEqualTo(expected);
    return command;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
