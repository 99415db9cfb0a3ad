package dev.aex.wire.kept;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event manager for EventStream tests: answers the hello like an aex one (or refuses it),
 * counts the events of each session, and acknowledges each, unless told to cut the connection
 * after every {@code cutEvery} events (the cut event is taken but never acknowledged), to be
 * stuck (read nothing after the hello), or to trickle each acknowledgement (an Ok with 8 payload
 * bytes) a byte every 150 ms.
 */
final class FakeAexEm implements AutoCloseable {
  enum Mode { AEX, REFUSE_HELLO, NO_ACKS, TRICKLED_ACKS, ACKS_AFTER_A_SECOND }

  private final ServerSocket server;
  private final Mode mode;
  private final int cutEvery;
  private final Map<Long, AtomicInteger> taken = new ConcurrentHashMap<>();
  final List<Bytes> received = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  FakeAexEm(Mode mode, int cutEvery) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.mode = mode;
    this.cutEvery = cutEvery;
    this.acceptor = Thread.ofPlatform().daemon(true).start(this::acceptLoop);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread.ofPlatform().daemon(true).start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] hello = new byte[16];
      new DataInputStream(in).readFully(hello);
      if (mode == Mode.REFUSE_HELLO) {
        ResultMessage.of(ResultCode.ILLEGAL_COMMAND).writeTo(out);
        return;
      }
      long session = AexHello.session(Bytes.of(hello).slice(3, 16)).orElseThrow();
      AtomicInteger count = taken.computeIfAbsent(session, s -> new AtomicInteger());
      AexHello.accept(count.get()).writeTo(out);
      if (mode == Mode.NO_ACKS) {
        in.readAllBytes(); // a stuck event manager: reads nothing, answers nothing, until closed
        return;
      }
      WireReader reader = WireReader.of(in);
      int here = 0;
      for (Optional<CommandMessage> event = reader.readCommandMessage(); event.isPresent();
          event = reader.readCommandMessage()) {
        received.add(event.get().payload());
        count.incrementAndGet();
        if (cutEvery > 0 && ++here == cutEvery) {
          return; // taken, never acknowledged
        }
        if (mode == Mode.TRICKLED_ACKS) {
          trickle(out, Bytes.fromHex("0000080102030405060708"));
        } else if (mode == Mode.ACKS_AFTER_A_SECOND) {
          pause(1000);
          ResultMessage.of(ResultCode.OK).writeTo(out);
        } else {
          ResultMessage.of(ResultCode.OK).writeTo(out);
        }
      }
    } catch (IOException e) {
      // the stream closed first
    }
  }

  private static void trickle(OutputStream out, Bytes frame) throws IOException {
    for (byte b : frame.toByteArray()) {
      out.write(b);
      out.flush();
      pause(150);
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    acceptor.join(5_000);
  }
}
