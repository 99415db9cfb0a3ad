package dev.aex.em.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.FakeModule;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aex hello as the receiving event manager answers it, byte for byte (aex-em README). */
class PeerHelloTest {
  private static final long SESSION = 0x0123456789abcdefL;

  int port;
  EventManager em;
  FakeModule module;

  @BeforeEach
  void start() {
    port = LoopbackPorts.freeBlock(3);
    em = TestEms.start(port);
    module = FakeModule.aex(port + 1);
  }

  @AfterEach
  void stop() {
    em.close();
    module.close();
  }

  @Test
  void aHelloIsAnsweredWithTheAexMagicAndThenEveryRemoteOutputIsAcknowledged() {
    try (EmClient peer = EmClient.connect(port)) {
      peer.sendRaw(hello(SESSION));
      assertThat(peer.reply()).contains(accept(0));
      for (int i = 0; i < 3; i++) {
        peer.send(event(i));
        assertThat(peer.reply()).as("ack " + i).contains(ResultMessage.of(ResultCode.OK));
      }
      peer.send(new CommandMessage(CommandCode.REMOTE_OUTPUT, Bytes.fromHex("000100090102")));
      assertThat(peer.reply()).as("6 bytes (expected: > 6): dropped, said so, connection kept")
          .contains(ResultMessage.of(ResultCode.GENERIC_ERROR));
      peer.send(event(3));
      assertThat(peer.reply()).contains(ResultMessage.of(ResultCode.OK));
    }
    for (int i = 0; i < 4; i++) {
      assertThat(module.next().payload().asByteBuffer().getInt(4)).isEqualTo(i);
    }
  }

  @Test
  void aNewHelloOfTheSameSessionAnswersTheCountAndFencesTheOldConnection() {
    try (EmClient old = EmClient.connect(port); EmClient fresh = EmClient.connect(port)) {
      old.sendRaw(hello(SESSION));
      assertThat(old.reply()).contains(accept(0));
      old.send(event(0));
      old.send(event(1));
      assertThat(old.reply()).contains(ResultMessage.of(ResultCode.OK));
      assertThat(old.reply()).contains(ResultMessage.of(ResultCode.OK));

      fresh.sendRaw(hello(SESSION));
      assertThat(fresh.reply()).as("two events taken").contains(accept(2));

      old.send(event(99));
      assertThat(old.closedByPeer(Duration.ofSeconds(5))).as("the old connection is fenced").isTrue();
      fresh.send(event(2));
      assertThat(fresh.reply()).contains(ResultMessage.of(ResultCode.OK));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(module.next().payload().asByteBuffer().getInt(4)).isEqualTo(i);
    }
    assertThat(module.quietFor(Duration.ofMillis(300))).as("the fenced event is not delivered").isTrue();
  }

  @Test
  void anUnknownSessionCountsZeroAndAHelloOfAnotherShapeIsAnUnknownCommand() {
    try (EmClient peer = EmClient.connect(port)) {
      peer.sendRaw(hello(42));
      assertThat(peer.reply()).contains(accept(0));
    }
    try (EmClient peer = EmClient.connect(port)) {
      peer.sendRaw(Bytes.fromHex("ae0005616578213f").toByteArray());
      assertThat(peer.reply()).contains(ResultMessage.of(ResultCode.ILLEGAL_COMMAND));
      assertThat(peer.closedByPeer(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void withoutAHelloARemoteOutputStillGetsNoReply() {
    try (EmClient peer = EmClient.connect(port)) {
      peer.send(event(0));
      peer.send(event(1));
      assertThat(module.next().payload().asByteBuffer().getInt(4)).isEqualTo(0);
      assertThat(module.next().payload().asByteBuffer().getInt(4)).isEqualTo(1);
      peer.shutdownOutput();
      assertThat(peer.reply()).isEmpty();
    }
  }

  static byte[] hello(long session) {
    return ByteBuffer.allocate(16).put((byte) 0xae).putShort((short) 13).put("aex?".getBytes())
        .put((byte) 1).putLong(session).array();
  }

  static ResultMessage accept(long accepted) {
    return new ResultMessage(ResultCode.OK,
        Bytes.of(ByteBuffer.allocate(13).put("aex!".getBytes()).put((byte) 1).putLong(accepted).array()));
  }

  static CommandMessage event(int counter) {
    return new CommandMessage(CommandCode.REMOTE_OUTPUT,
        Bytes.of(ByteBuffer.allocate(12).putShort((short) 1).putShort((short) 9).putInt(counter).putInt(7).array()));
  }
}
