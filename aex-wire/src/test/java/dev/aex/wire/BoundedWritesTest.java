package dev.aex.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A write to a peer that stopped reading fails after the stall limit instead of blocking. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedWritesTest {
  private static final Duration STALL = Duration.ofMillis(300);
  /** Far more than a socket's buffers hold, so a peer that reads nothing blocks the writer. */
  private static final int MANY = 64 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aTcpPeerThatReadsNothingFailsTheWriteAndClosesTheConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket idle = server.accept()) {
      OutputStream out = BoundedWrites.of(socket.getOutputStream(), socket, STALL);

      assertThatThrownBy(() -> writeMany(out)).isInstanceOf(SocketTimeoutException.class)
          .hasMessage("the peer took nothing for 300 ms of a write (it stopped reading);"
              + " connection closed");
      assertThat(socket.isClosed()).isTrue();
      assertThat(idle.isConnected()).isTrue();
    }
  }

  @Test
  void aUnixSocketPeerThatReadsNothingFailsTheWriteToo() throws Exception {
    Path file = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(file));
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(file));
          SocketChannel idle = server.accept()) {
        OutputStream out = BoundedWrites.of(Channels.newOutputStream(channel), channel, STALL);

        assertThatThrownBy(() -> writeMany(out)).isInstanceOf(SocketTimeoutException.class);
        assertThat(channel.isOpen()).isFalse();
        assertThat(idle.isOpen()).isTrue();
      }
    }
  }

  @Test
  void aPeerThatKeepsReadingIsNeverCutOff() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket reader = server.accept()) {
      CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> drain(reader));
      // Each 1 MiB write must finish within the limit: 2 s leaves a loaded machine room.
      OutputStream out = BoundedWrites.of(socket.getOutputStream(), socket, Duration.ofSeconds(2));

      byte[] chunk = new byte[1024 * 1024];
      for (int i = 0; i < 16; i++) {
        out.write(chunk);
      }
      out.flush();
      socket.shutdownOutput();

      assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo(16L * chunk.length);
      assertThat(socket.isClosed()).isFalse();
    }
  }

  @Test
  void aStallLimitMustBePositive() {
    assertThatThrownBy(() -> BoundedWrites.of(OutputStream.nullOutputStream(), () -> {},
        Duration.ZERO)).hasMessage("write stall limit: PT0S (expected: > 0)");
  }

  private static void writeMany(OutputStream out) throws IOException {
    byte[] chunk = new byte[1024 * 1024];
    for (int written = 0; written < MANY; written += chunk.length) {
      out.write(chunk);
    }
  }

  private static long drain(Socket socket) {
    try (InputStream in = socket.getInputStream()) {
      return in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
