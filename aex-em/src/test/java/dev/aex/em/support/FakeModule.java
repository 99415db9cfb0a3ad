package dev.aex.em.support;

import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A module as its event manager sees it, in the test's own JVM: it listens on 127.0.0.1:port,
 * records every Message and answers with what the responder returns (Ok by default). An
 * "original" fake serves one message per connection and closes, as original modules do; an aex
 * fake serves many.
 */
public final class FakeModule implements AutoCloseable {
  private final LoopbackServer server;
  private final boolean onePerConnection;
  private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Function<Message, Optional<ResultMessage>> responder =
      m -> Optional.of(ResultMessage.of(ResultCode.OK));

  private FakeModule(int port, boolean onePerConnection) {
    this.onePerConnection = onePerConnection;
    this.server = new LoopbackServer(port, "fake-module-" + port, this::serve);
  }

  /** Serves several messages per connection, as aex modules do. */
  public static FakeModule aex(int port) {
    return new FakeModule(port, false);
  }

  /** Serves one message per connection and closes, as original modules do. */
  public static FakeModule original(int port) {
    return new FakeModule(port, true);
  }

  public FakeModule respondWith(Function<Message, Optional<ResultMessage>> responder) {
    this.responder = responder;
    return this;
  }

  public int port() {
    return server.address().getPort();
  }

  /** Connections the event manager opened so far. */
  public int connections() {
    return connections.get();
  }

  /** The next message received; fails after a while. */
  public Message next() {
    try {
      Message message = received.poll(20, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("fake module on " + port() + ": no message within 20 s");
      }
      return message;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Nothing more arrives within {@code wait} (used only to show a dropped event stays dropped). */
  public boolean quietFor(Duration wait) {
    try {
      return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private void serve(Socket socket) {
    connections.incrementAndGet();
    try (socket) {
      WireReader reader = WireReader.of(socket, Duration.ofSeconds(30));
      OutputStream out = socket.getOutputStream();
      for (Optional<Message> m = reader.readMessage(); m.isPresent(); m = reader.readMessage()) {
        received.add(m.get());
        Optional<ResultMessage> reply = responder.apply(m.get());
        if (reply.isPresent()) {
          reply.get().writeTo(out);
          out.flush();
        }
        if (onePerConnection) {
          return;
        }
      }
    } catch (IOException e) {
      // The event manager closed first: nothing to record.
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
