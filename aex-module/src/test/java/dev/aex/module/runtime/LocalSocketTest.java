package dev.aex.module.runtime;

import static dev.aex.module.runtime.SecureRuntimeTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.Bytes;
import dev.aex.wire.LocalTransport;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module started by an aex event manager serves its entries on a Unix domain socket file beside
 * its TCP port; without a usable folder it serves the port alone.
 */
class LocalSocketTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final int CONN = 1;

  @TempDir Path folder;
  @AutoClose private final Harness harness = new Harness();
  private final TestModule module = new TestModule();
  private final TestDeployer deployer = new TestDeployer(SymmetricKey.random16());

  @Test
  void theSocketFileServesTheSameEntriesAsThePort() throws Exception {
    ModuleRuntime runtime = start(Optional.of(folder));
    Path file = folder.resolve(runtime.port() + ".sock");
    assertThat(runtime.socketFile()).contains(file);
    SymmetricKey key = SymmetricKey.random16();
    Sender sender = SecureAesGcm.create(key).newSender();

    try (LocalTransport local = LocalTransport.connect(file)) {
      WireReader replies = WireReader.of(local, WAIT, () -> {});
      assertThat(call(local, replies, 0, deployer.setKey(2, CONN, TestModule.IN_RECORD, key)))
          .isEqualTo(ResultCode.OK);
      byte[] event = TestDeployer.eventArgs(CONN, sender.seal(TestDeployer.ad(3, CONN), bytes("hi")));
      assertThat(call(local, replies, 3, event)).isEqualTo(ResultCode.OK);
      assertThat(module.nextInput()).isEqualTo(bytes("hi"));
      // A payload too short for an entry id is refused, and the connection goes on.
      new Message(Bytes.of(new byte[] {1})).writeTo(local.output());
      assertThat(replies.readResult().map(ResultMessage::code)).contains(ResultCode.ILLEGAL_PAYLOAD);
      assertThat(call(local, replies, 3, event)).isEqualTo(ResultCode.CRYPTO_ERROR); // a replay
    }
    runtime.close();
    assertThat(file).doesNotExist();
  }

  @Test
  void withoutAUsableFolderOnlyThePortIsServed() {
    ModuleRuntime runtime = start(Optional.of(folder.resolve("missing")));

    assertThat(runtime.socketFile()).isEmpty();
    assertThat(runtime.port()).isPositive();
  }

  private ModuleRuntime start(Optional<Path> socketFolder) {
    return harness.start(module, deployer.moduleKey, UnaryOperator.identity(), socketFolder);
  }

  private static ResultCode call(LocalTransport local, WireReader replies, int entry, byte[] args)
      throws IOException {
    byte[] payload = ByteBuffer.allocate(2 + args.length).putShort((short) entry).put(args).array();
    new Message(Bytes.of(payload)).writeTo(local.output());
    return replies.readResult().orElseThrow().code();
  }
}
