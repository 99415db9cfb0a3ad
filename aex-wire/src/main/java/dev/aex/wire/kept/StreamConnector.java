package dev.aex.wire.kept;

import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireReader;
import dev.aex.wire.WireTimeoutException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens a connection for an {@link EventStream} and says the hello for its session; the event
 * manager answers how many events of the session it took.
 */
@FunctionalInterface
public interface StreamConnector {
  /**
   * @throws NotAexException if the peer answered the hello in any other way than an aex event
   *     manager
   */
  Opened open(long session) throws IOException;

  /**
   * A connection after its hello, its input (which may hold bytes past the hello's answer), and how
   * many events of the session the peer had taken.
   */
  record Opened(Socket socket, BufferedInputStream in, long accepted) {}

  /**
   * Connects to {@code address} and says the hello; {@link NotAexException} for any answer but an
   * aex event manager's, also for none within {@code timeout} (an aex event manager answers at
   * once). Connecting takes at most {@code timeout} too.
   */
  static StreamConnector toEventManager(InetSocketAddress address, Duration timeout) {
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    return session -> {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(address, millis);
        socket.setSoTimeout(millis);
        BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
        return new Opened(socket, in, hello(socket, in, session, address));
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    };
  }

  private static long hello(Socket socket, BufferedInputStream in, long session, InetSocketAddress address)
      throws IOException {
    Optional<ResultMessage> answer;
    try {
      OutputStream out = socket.getOutputStream();
      out.write(AexHello.frame(session));
      out.flush();
      answer = WireReader.of(in).readResult();
    } catch (SocketTimeoutException | WireTimeoutException e) {
      throw new NotAexException(address + " did not answer the aex hello: not an aex event manager");
    }
    return answer.flatMap(AexHello::accepted).orElseThrow(() -> new NotAexException(
        address + " answered the aex hello with "
            + answer.map(r -> r.code().toString()).orElse("nothing") + ": not an aex event manager"));
  }
}
