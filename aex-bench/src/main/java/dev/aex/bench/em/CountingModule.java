package dev.aex.bench.em;

import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A module as cheap as a module can be, so that the benchmark measures the event manager: it
 * counts the messages it gets and answers each with Ok, many per connection.
 */
final class CountingModule implements AutoCloseable {
  private static final ResultMessage OK = ResultMessage.of(ResultCode.OK);
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final ServerSocket server;
  private final AtomicLong received = new AtomicLong();

  private CountingModule(ServerSocket server) {
    this.server = server;
    Thread.ofPlatform().daemon(true).name("counting-module").start(this::acceptLoop);
  }

  /** Listens on 127.0.0.1:{@code port}; empty if the port is taken. */
  static Optional<CountingModule> listen(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return Optional.of(new CountingModule(server));
    } catch (IOException taken) {
      server.close();
      return Optional.empty();
    }
  }

  long received() {
    return received.get();
  }

  /** Spins until {@code count} messages have arrived in total; fails after 30 s (a lost event). */
  void awaitReceived(long count) {
    long end = System.nanoTime() + MAX_WAIT.toNanos();
    while (received.get() < count) {
      if (System.nanoTime() - end > 0) {
        throw new IllegalStateException("only " + received.get() + " of " + count + " events arrived");
      }
      LockSupport.parkNanos(2_000);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Reads {@code [len:2][payload]} frames by hand (the cheapest way) and answers each Ok. */
  private void serve(Socket socket) {
    byte[] ok = OK.encode().toByteArray();
    try (socket; DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
      OutputStream out = socket.getOutputStream();
      byte[] payload = new byte[0xffff];
      while (true) {
        in.readFully(payload, 0, in.readUnsignedShort());
        received.incrementAndGet();
        out.write(ok);
      }
    } catch (IOException e) {
      // end of stream: the event manager closed this connection
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
