package dev.aex.wire.kept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireClient;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.SealedData;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployer's RemoteOutput against the event managers it may meet: an aex one answers with the
 * module's answer, every other kind gets the event as the original protocol expects, and no kind
 * gets it twice.
 */
class ConfirmedOutputTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final CommandMessage EVENT = new RemoteOutput(
      1, 5, new SealedData(Bytes.fromHex("0102"), Bytes.of(new byte[16]))).toMessage();

  @Test
  void anAexEventManagerAnswersWithTheModulesAnswer() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (ScriptedEm em = new ScriptedEm((in, out, events) -> {
        assertThat(AexHello.session(hello(in))).contains(0L);
        AexHello.accept(0).writeTo(out);
        events.add(WireReader.of(in).readCommandMessage().orElseThrow());
        ResultMessage.of(ResultCode.CRYPTO_ERROR).writeTo(out);
      })) {
        Optional<ResultMessage> answer = ConfirmedOutput.send(em.client(), EVENT);

        assertThat(answer).contains(ResultMessage.of(ResultCode.CRYPTO_ERROR));
        assertThat(em.events).containsExactly(EVENT);
      }
    });
  }

  /** How event managers that are not aex ones answer the hello. */
  static Stream<Arguments> notAex() {
    return Stream.of(
        Arguments.of("an original one: IllegalCommand, then it closes", (Script) (in, out, e) -> {
          hello(in);
          ResultMessage.of(ResultCode.ILLEGAL_COMMAND).writeTo(out);
        }),
        Arguments.of("TrustZone's echo, not taken for an aex answer", (Script) (in, out, e) ->
            new ResultMessage(ResultCode.OK, hello(in)).writeTo(out)),
        Arguments.of("a close at once", (Script) (in, out, e) -> {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAex")
  void everyOtherEventManagerGetsTheEventOnAConnectionOfItsOwn(String kind, Script atHello) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (ScriptedEm em = new ScriptedEm(atHello,
          (in, out, events) -> events.add(WireReader.of(in).readCommandMessage().orElseThrow()))) {
        assertThat(ConfirmedOutput.send(em.client(), EVENT)).isEmpty();

        em.awaitConnections(2);
        assertThat(em.events).containsExactly(EVENT);
      }
    });
  }

  /** A native or SGX event manager answers the hello at once; one that does not is stuck. */
  @Test
  void anEventManagerSilentAtTheHelloIsAFailureAndGetsNoEvent() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (ScriptedEm em = new ScriptedEm((in, out, events) -> {
        hello(in);
        in.read(); // silent until the client gives up and closes
      })) {
        assertThatThrownBy(() -> ConfirmedOutput.send(em.client(Duration.ofMillis(300)), EVENT))
            .isInstanceOf(WireTimeoutException.class);
        em.awaitConnections(1);
        assertThat(em.events).isEmpty();
      }
    });
  }

  @Test
  void aConnectionLostAfterTheEventIsAFailureAndTheEventIsNotSentAgain() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (ScriptedEm em = new ScriptedEm((in, out, events) -> {
        hello(in);
        AexHello.accept(0).writeTo(out);
        events.add(WireReader.of(in).readCommandMessage().orElseThrow()); // then closes
      })) {
        assertThatThrownBy(() -> ConfirmedOutput.send(em.client(), EVENT))
            .isInstanceOf(EOFException.class)
            .hasMessageContaining("closed the connection before it answered the event");
        em.awaitConnections(1);
        assertThat(em.events).containsExactly(EVENT);
      }
    });
  }

  /** The hello's payload, after checking its code and length. */
  private static Bytes hello(InputStream in) throws IOException {
    byte[] frame = new byte[16];
    new DataInputStream(in).readFully(frame);
    assertThat(frame[0] & 0xff).isEqualTo(AexHello.CODE);
    return Bytes.of(frame).slice(3, 16);
  }

  /** One step of a fake event manager: serves one connection, then the connection closes. */
  interface Script {
    void serve(InputStream in, OutputStream out, List<CommandMessage> events) throws IOException;
  }

  /** Serves the i-th connection with the i-th script, in one background thread. */
  private static final class ScriptedEm implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private final List<Script> scripts;
    private volatile int served;
    final List<CommandMessage> events = new CopyOnWriteArrayList<>();

    ScriptedEm(Script... scripts) throws IOException {
      this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
      this.server.setSoTimeout(5_000);
      this.scripts = List.of(scripts);
      this.thread = Thread.ofPlatform().daemon(true).start(this::serveAll);
    }

    WireClient client() {
      return client(TIMEOUT);
    }

    WireClient client(Duration timeout) {
      return WireClient.to(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), timeout);
    }

    void awaitConnections(int count) throws InterruptedException {
      thread.join(5_000);
      assertThat(served).isEqualTo(count);
    }

    private void serveAll() {
      for (Script script : scripts) {
        try (Socket socket = server.accept()) {
          script.serve(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream(),
              events);
          socket.getOutputStream().flush();
        } catch (IOException e) {
          return;
        } finally {
          served++;
        }
      }
    }

    @Override
    public void close() throws Exception {
      server.close();
      thread.join(5_000);
    }
  }
}
