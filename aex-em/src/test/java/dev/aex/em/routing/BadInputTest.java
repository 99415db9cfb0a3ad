package dev.aex.em.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.support.Deployer;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.FakeModule;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile input: each frame gets the original's ResultCode (protocol.md §1.7,
 * §3.1.7), or a clear error where the original would crash or hang, and then the event manager
 * must still route a normal event.
 */
class BadInputTest {
  private static final int MODULE = 1;
  private static final int REMOTE_CONN = 8;

  int port;
  EventManager em;
  FakeModule module;
  int checks;

  @BeforeEach
  void start() {
    port = LoopbackPorts.freeBlock(2);
    em = TestEms.start(port, b -> b.maxLoadBytes(1 << 20));
    module = FakeModule.aex(port + MODULE);
    Deployer.connect(port, REMOTE_CONN, 3, false, 9); // a peer that is never reached
  }

  @AfterEach
  void stop() {
    em.close();
    module.close();
  }

  /** A frame, whether the sender then closes its side, and the reply (empty: none, closed). */
  record Bad(String hex, boolean shutdown, Optional<ResultCode> reply) {}

  static Stream<Arguments> frames() {
    List<Arguments> all = new ArrayList<>();
    add(all, "unknown code 8", "080000", ResultCode.ILLEGAL_COMMAND);
    add(all, "unknown code 255", "ff0003aabbcc", ResultCode.ILLEGAL_COMMAND);
    add(all, "Connect of 3 bytes", "000003000100", ResultCode.ILLEGAL_PAYLOAD);
    add(all, "Connect of 12 bytes", "00000c00010002010bb87f00000100", ResultCode.ILLEGAL_PAYLOAD);
    add(all, "Connect with local = 2", "00000b00010002020bb87f000001", ResultCode.ILLEGAL_PAYLOAD);
    cut(all, "Connect cut short", "00000b000100", Optional.of(ResultCode.INTERNAL_ERROR));
    cut(all, "only a Call code byte", "01", Optional.of(ResultCode.INTERNAL_ERROR));
    add(all, "Call of 2 bytes", "0100020001", ResultCode.ILLEGAL_PAYLOAD);
    cut(all, "Call cut short", "01000a00010005", Optional.of(ResultCode.INTERNAL_ERROR));
    add(all, "Call of a module nobody runs", "010004002a0005", ResultCode.INTERNAL_ERROR);
    add(all, "Call of module 0 (the EM's own port)", "01000400000005", ResultCode.INTERNAL_ERROR);
    add(all, "Call of module 65535 (no such port)", "010004ffff0005", ResultCode.INTERNAL_ERROR);
    add(all, "RegisterEntrypoint of 7 bytes", "05000700010005000003", ResultCode.ILLEGAL_PAYLOAD);
    cut(all, "RegisterEntrypoint cut short", "0500080001", Optional.of(ResultCode.INTERNAL_ERROR));
    none(all, "RemoteOutput of 6 bytes", "020006000100010203");
    cut(all, "RemoteOutput cut short", "020020000100", Optional.empty());
    none(all, "RemoteRequest of 6 bytes", "070006000100010203");
    add(all, "RemoteRequest for a module nobody runs", "070008002a00010102030405", ResultCode.INTERNAL_ERROR);
    none(all, "ModuleOutput of 4 bytes", "0600040003000a");
    none(all, "ModuleOutput on an unknown connection", "06000800030063a1a2a3a4");
    add(all, "ModuleOutput of entry 5 to another node", "0600080005" + hex16(REMOTE_CONN) + "a1a2a3a4",
        ResultCode.GENERIC_ERROR);
    add(all, "ModuleOutput request to an unreachable node", "0600080004" + hex16(REMOTE_CONN) + "a1a2a3a4",
        ResultCode.GENERIC_ERROR);
    add(all, "Load of garbage", "03" + "00000040" + randomHex(64), ResultCode.INTERNAL_ERROR);
    add(all, "Load of nothing", "0300000000", ResultCode.INTERNAL_ERROR);
    add(all, "Load beyond the size limit", "03ffffffff", ResultCode.ILLEGAL_PAYLOAD);
    cut(all, "Load cut short", "03000003e8" + randomHex(10), Optional.of(ResultCode.ILLEGAL_PAYLOAD));
    cut(all, "Load length cut short", "030000", Optional.of(ResultCode.ILLEGAL_PAYLOAD));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void eachBadFrameGetsTheOriginalsAnswerAndTheEventManagerStillRoutes(Bad bad) {
    try (EmClient client = EmClient.connect(port)) {
      client.sendRaw(HexFormat.of().parseHex(bad.hex()));
      if (bad.shutdown()) {
        client.shutdownOutput();
      }
      assertThat(client.reply().map(ResultMessage::code)).isEqualTo(bad.reply());
    }
    assertStillRoutes();
  }

  @Test
  void aFloodOfSilentAndHalfSentConnectionsDoesNotStopRouting() {
    List<EmClient> flood = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        EmClient client = EmClient.connect(port);
        if (i % 3 == 0) {
          client.sendRaw(HexFormat.of().parseHex("020020000100")); // an event, cut short and held
        }
        flood.add(client);
      }
      assertStillRoutes();
      assertThat(EmClient.exchange(port, CommandMessage.of(CommandCode.RESET))).contains(Deployer.OK);
    } finally {
      flood.forEach(EmClient::close);
    }
  }

  @Test
  void aLoadBeyondTheLimitIsRefusedBeforeItsBodyIsRead() {
    try (EmClient client = EmClient.connect(port)) {
      // Announces 2 MiB (the limit here is 1 MiB) and sends none of it: the answer comes at once.
      client.sendRaw(HexFormat.of().parseHex("0300200000"));
      assertThat(client.reply()).contains(ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD));
    }
  }

  /** A normal event, on a fresh connection, reaches the module. */
  private void assertStillRoutes() {
    Bytes data = Bytes.of(HexFormat.of().parseHex("5a" + hex16(++checks) + randomHex(20)));
    Bytes payload = Bytes.of((byte) 0, (byte) MODULE, (byte) 0, (byte) 1).concat(data);
    EmClient.send(port, new CommandMessage(CommandCode.REMOTE_OUTPUT, payload));
    assertThat(module.next()).isEqualTo(new Message(Bytes.of((byte) 0, (byte) 3, (byte) 0, (byte) 1).concat(data)));
  }

  private static void add(List<Arguments> all, String name, String hex, ResultCode reply) {
    all.add(Arguments.of(Named.of(name, new Bad(hex, false, Optional.of(reply)))));
  }

  /** A frame after which the event manager sends nothing and closes. */
  private static void none(List<Arguments> all, String name, String hex) {
    all.add(Arguments.of(Named.of(name, new Bad(hex, false, Optional.empty()))));
  }

  /** A frame whose sender then closes its side in the middle of it. */
  private static void cut(List<Arguments> all, String name, String hex, Optional<ResultCode> reply) {
    all.add(Arguments.of(Named.of(name, new Bad(hex, true, reply))));
  }

  private static String hex16(int value) {
    return String.format("%04x", value);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
