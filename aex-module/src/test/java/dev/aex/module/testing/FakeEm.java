package dev.aex.module.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An event manager for tests: records every command a module sends it, and answers with whatever
 * the responder returns (nothing by default, as for outputs).
 */
public final class FakeEm implements AutoCloseable {
  private final ServerSocket server;
  private final Thread acceptor;
  private final BlockingQueue<CommandMessage> received = new LinkedBlockingQueue<>();
  private volatile Function<CommandMessage, Optional<ResultMessage>> responder =
      command -> Optional.empty();

  public FakeEm() {
    try {
      server = new ServerSocket();
      // Below the ephemeral range, as the modules' ports above it must be (LoopbackPorts).
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackPorts.freeBlock(16)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = Thread.ofPlatform().daemon(true).name("fake-em").start(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  public void respondWith(Function<CommandMessage, Optional<ResultMessage>> responder) {
    this.responder = responder;
  }

  /** The next command the module sent; fails after a few seconds. */
  public CommandMessage next() {
    try {
      CommandMessage command = received.poll(5, TimeUnit.SECONDS);
      assertThat(command).as("a command from the module within 5 s").isNotNull();
      return command;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public void assertNothingWithin(Duration wait) {
    try {
      assertThat(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Forgets what was received so far (between tests that share this EM). */
  public void discardReceived() {
    received.clear();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      Optional<CommandMessage> command =
          WireReader.of(socket, Duration.ofSeconds(5)).readCommandMessage();
      if (command.isEmpty()) {
        return;
      }
      received.add(command.get());
      Optional<ResultMessage> reply = responder.apply(command.get());
      if (reply.isPresent()) {
        OutputStream out = socket.getOutputStream();
        reply.get().writeTo(out);
        out.flush();
      }
    } catch (IOException e) {
      // The module closed first (outputs are not answered): nothing to record.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      // The JDK closes a listening socket only once the blocked accept has returned: until then
      // the port still accepts connections.
      acceptor.join(Duration.ofSeconds(5));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
