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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An event manager for tests: records every command a module sends it, and answers with whatever
 * the responder returns (nothing by default, as for outputs).
 */
public final class FakeEm implements AutoCloseable {
  private final ServerSocket server;
  private final Thread acceptor;
  /**
   * One slot per connection, in the order the connections arrived, completed with the command read
   * on it (empty if none): a module sends each output to an original event manager on a
   * connection of its own, one after the other, and tests compare them in that order, while the
   * connections are served concurrently (a responder may call back into the module).
   */
  private final BlockingQueue<CompletableFuture<Optional<CommandMessage>>> arrivals =
      new LinkedBlockingQueue<>();
  private CompletableFuture<Optional<CommandMessage>> taken; // guarded by this: polled, not yet read
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
    Optional<CommandMessage> command = nextWithin(Duration.ofSeconds(5));
    assertThat(command).as("a command from the module within 5 s").isPresent();
    return command.get();
  }

  public void assertNothingWithin(Duration wait) {
    assertThat(nextWithin(wait)).isEmpty();
  }

  /** Forgets what was received so far (between tests that share this EM). */
  public synchronized void discardReceived() {
    taken = null;
    arrivals.clear();
  }

  /** The command of the next connection that carried one, in arrival order; empty after {@code wait}. */
  private synchronized Optional<CommandMessage> nextWithin(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        if (taken == null) {
          taken = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (taken == null) {
            return Optional.empty();
          }
        }
        Optional<CommandMessage> command = taken.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        taken = null;
        if (command.isPresent()) {
          return command;
        }
      }
    } catch (TimeoutException e) {
      return Optional.empty(); // the taken slot stays for the next call
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        CompletableFuture<Optional<CommandMessage>> slot = new CompletableFuture<>();
        arrivals.add(slot);
        Thread.ofVirtual().start(() -> serve(socket, slot));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, CompletableFuture<Optional<CommandMessage>> slot) {
    try (socket) {
      Optional<CommandMessage> command =
          WireReader.of(socket, Duration.ofSeconds(5)).readCommandMessage();
      slot.complete(command);
      if (command.isEmpty()) {
        return;
      }
      Optional<ResultMessage> reply = responder.apply(command.get());
      if (reply.isPresent()) {
        OutputStream out = socket.getOutputStream();
        reply.get().writeTo(out);
        out.flush();
      }
    } catch (IOException e) {
      // The module closed first (outputs are not answered): nothing to record.
    } finally {
      slot.complete(Optional.empty()); // no-op once the command was recorded
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
