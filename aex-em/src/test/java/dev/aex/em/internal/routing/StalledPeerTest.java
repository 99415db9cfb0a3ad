package dev.aex.em.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.em.support.LogCapture;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.kept.AexHello;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event manager's own connections to a module or a peer that stalls: one that stops reading,
 * one that trickles its reply. Each gives up after the timeout instead of holding a thread (and
 * the locks it holds) for as long as the other end likes.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StalledPeerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private ServerSocket other;
  private InetSocketAddress address;

  @BeforeEach
  void listen() throws IOException {
    other = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    address = new InetSocketAddress(other.getInetAddress(), other.getLocalPort());
  }

  @AfterEach
  void close() throws IOException {
    other.close();
  }

  /**
   * A module that stops reading (a handler that hangs) fills the socket's buffers: the write
   * under the pipe's lock fails after the timeout instead of blocking, so the events owed a
   * reply fail, and closing the pipe (as a Reset does) returns.
   */
  @Test
  void aModuleThatStopsReadingFailsTheSendAndTheOwedRepliesAndClosingReturns() {
    ModulePipe pipe = new ModulePipe(address, TIMEOUT, 256);
    Message big = new Message(Bytes.of(new byte[60_000]));
    List<CompletableFuture<Optional<ResultMessage>>> owed = new ArrayList<>();
    IOException failure = null;
    // The module's side is never accepted nor read: the kernel takes what its buffers hold.
    for (int i = 0; i < 256 && failure == null; i++) { // 15 MB: more than the buffers hold
      try {
        owed.add(pipe.send(big, true));
      } catch (IOException e) {
        failure = e;
      }
    }

    assertThat(failure).as("a send failed").isNotNull()
        .hasMessageContaining("took nothing for 1000 ms");
    assertThat(owed).isNotEmpty()
        .allSatisfy(reply -> assertThat(reply).failsWithin(Duration.ofSeconds(5)));
    pipe.close();
  }

  /**
   * A module that sends its reply a byte every 400 ms (each read within the timeout, the whole
   * far beyond it): the reply owed fails after the timeout instead of holding the pipe's reader.
   */
  @Test
  void aModuleReplyTrickledByteByByteFailsAfterTheTimeout() throws IOException {
    Thread.ofPlatform().daemon(true).start(() -> trickle(false));
    ModulePipe pipe = new ModulePipe(address, TIMEOUT, 256);

    CompletableFuture<Optional<ResultMessage>> reply =
        pipe.send(new Message(Bytes.fromHex("0102")), true);

    assertThat(reply).failsWithin(Duration.ofMillis(3_000))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingRootCause().isInstanceOf(java.net.SocketTimeoutException.class);
    pipe.close();
  }

  /**
   * A module that reads events and does not answer in time (code that is slow or stuck): the
   * events sent to it fail as unconfirmed, not as dropped, with one warning for all of them,
   * since a module that is only slow handles them late.
   */
  @Test
  void eventsAModuleDoesNotAnswerInTimeAreReportedOnceAsUnconfirmed() throws IOException {
    Thread.ofPlatform().daemon(true).start(this::readWithoutAnswering);
    ModulePipe pipe = new ModulePipe(address, TIMEOUT, 256);
    try (LogCapture log = new LogCapture()) {
      List<CompletableFuture<Optional<ResultMessage>>> replies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        replies.add(pipe.send(new Message(Bytes.fromHex("0102")), i == 2));
      }

      assertThat(replies).allSatisfy(reply -> assertThat(reply).failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(UnansweredEvent.class));
      assertThat(log.lines().stream().filter(line -> line.startsWith("WARNING"))).singleElement()
          .asString().contains("did not answer within 1000 ms: 3 event(s) sent to it are"
              + " unconfirmed; a module that is only slow handles them late");
    }
    pipe.close();
  }

  /** Takes a connection and reads what comes, answering nothing, until it closes. */
  private void readWithoutAnswering() {
    try (Socket socket = other.accept()) {
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the pipe gave up and closed
    }
  }

  /**
   * An untrusted peer that answers the hello, then sends its reply a byte every 400 ms (each
   * read within the timeout, the whole far beyond it): the request fails after the timeout.
   */
  @Test
  void aReplyTrickledByteByByteFailsAfterTheTimeout() {
    Thread.ofPlatform().daemon(true).start(() -> trickle(true));
    PeerLink link = new PeerLink(address, TIMEOUT);
    CommandMessage request =
        new CommandMessage(CommandCode.REMOTE_REQUEST, Bytes.fromHex("000100050102"));

    assertThatThrownBy(() -> link.request(request)).isInstanceOf(WireTimeoutException.class)
        .hasMessageContaining("within 1000 ms");
  }

  /** Takes one command (after a hello, for a peer) and trickles an 11-byte reply. */
  private void trickle(boolean peer) {
    try (Socket socket = other.accept()) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      if (peer) {
        in.readFully(new byte[16]); // the hello
        AexHello.accept(0).writeTo(out);
        in.readUnsignedByte(); // the request's code
      }
      in.readFully(new byte[in.readUnsignedShort()]);
      for (byte b : Bytes.fromHex("0000080102030405060708").toByteArray()) {
        out.write(b);
        out.flush();
        Thread.sleep(400);
      }
    } catch (IOException | InterruptedException e) {
      // the link gave up and closed
    }
  }
}
