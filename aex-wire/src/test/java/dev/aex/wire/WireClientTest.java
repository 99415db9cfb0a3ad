package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.aex.wire.payload.CommandPayload;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.SealedData;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one-command-per-connection client against an in-process fake event manager. */
class WireClientTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final CommandMessage RESET = CommandMessage.of(CommandCode.RESET);

  @Test
  void exchangeWritesTheCommandAndReadsTheReply() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback em = new Loopback()) {
            Future<Optional<Command>> received =
                em.serveOne(s -> answer(s, ResultMessage.of(ResultCode.OK)));

            Optional<ResultMessage> reply = client(em).exchange(RESET);

            assertThat(reply).contains(ResultMessage.of(ResultCode.OK));
            assertThat(received.get(5, TimeUnit.SECONDS)).contains(RESET);
          }
        });
  }

  @Test
  void sendIgnoresAReplyThatWasNotDeclared() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback em = new Loopback()) {
            CommandMessage output =
                new RemoteOutput(1, 5, new SealedData(Bytes.empty(), Bytes.of(new byte[16])))
                    .toMessage();
            // A TrustZone EM answers RemoteOutput anyway (protocol.md §1.6.3).
            Future<Optional<Command>> received =
                em.serveOne(s -> answer(s, ResultMessage.of(ResultCode.OK)));

            client(em).send(output);

            Command command = received.get(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(CommandPayload.decode((CommandMessage) command))
                .isInstanceOf(RemoteOutput.class);
          }
        });
  }

  @Test
  void aPeerThatClosesWithoutReplyingGivesEmpty() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback em = new Loopback()) {
            em.serveOne(s -> WireReader.of(s, TIMEOUT).readCommand(LoadFormat.NATIVE));

            assertThat(client(em).exchange(RESET)).isEmpty();
          }
        });
  }

  @Test
  void aPeerThatNeverRepliesTimesOut() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback em = new Loopback()) {
            em.serveOne(
                s -> {
                  Thread.sleep(5_000);
                  return null;
                });

            assertThatThrownBy(() -> client(em).exchange(RESET))
                .isInstanceOf(WireTimeoutException.class)
                .hasMessage("ResultMessage code: 0 of 1 bytes within 500 ms");
          }
        });
  }

  @Test
  void afterAnInvalidCommandTheNextConnectionIsServed() {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try (Loopback em = new Loopback()) {
            Future<Optional<ResultMessage>> first =
                em.serve(
                    () -> {
                      try (Socket bad =
                          new Socket(em.address().getAddress(), em.address().getPort())) {
                        bad.getOutputStream().write(new byte[] {9, 0, 0});
                        return WireReader.of(bad, TIMEOUT).readResult();
                      }
                    });
            try (Socket s = em.server().accept()) {
              assertThatThrownBy(() -> WireReader.of(s, TIMEOUT).readCommand(LoadFormat.NATIVE))
                  .isInstanceOf(UnknownCodeException.class);
              ResultMessage.of(ResultCode.ILLEGAL_COMMAND).writeTo(s.getOutputStream());
            }
            assertThat(first.get(5, TimeUnit.SECONDS))
                .contains(ResultMessage.of(ResultCode.ILLEGAL_COMMAND));

            em.serveOne(s -> answer(s, ResultMessage.of(ResultCode.OK)));
            assertThat(client(em).exchange(RESET)).contains(ResultMessage.of(ResultCode.OK));
          }
        });
  }

  @Test
  void aRefusedConnectionIsAPlainIoException() throws Exception {
    WireClient client;
    try (Loopback closed = new Loopback()) {
      client = client(closed);
    }

    assertThatThrownBy(() -> client.exchange(RESET)).isInstanceOf(ConnectException.class);
  }

  private static WireClient client(Loopback em) {
    return WireClient.to(em.address(), TIMEOUT);
  }

  /** Reads one command, as a native EM would, and writes {@code reply}. */
  private static Optional<Command> answer(Socket s, ResultMessage reply) throws IOException {
    Optional<Command> command = WireReader.of(s, TIMEOUT).readCommand(LoadFormat.NATIVE);
    reply.writeTo(s.getOutputStream());
    return command;
  }
}
