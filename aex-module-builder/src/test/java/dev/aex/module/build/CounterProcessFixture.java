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
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code counter} module built once, run as a fresh process for each test, with a fake event
 * manager at its stamped EM port and the deployer's side of its module key.
 */
abstract class CounterProcessFixture {
  static final SymmetricKey MODULE_KEY = SymmetricKey.random16();
  static final ResultMessage OK = ResultMessage.of(ResultCode.OK);

  @TempDir static Path out;
  static FakeEm em;
  static CounterBinary counter;

  final TestDeployer deployer = new TestDeployer(MODULE_KEY);
  ModuleProcess module;

  @BeforeAll
  static void build() throws Exception {
    em = new FakeEm();
    counter = CounterBinary.build(out, em.port(), MODULE_KEY, false);
  }

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

  @AfterAll
  static void closeEm() {
    em.close();
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
