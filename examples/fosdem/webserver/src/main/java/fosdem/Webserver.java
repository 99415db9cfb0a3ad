package fosdem;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Request;
import dev.aex.module.RequestFailedException;
import dev.aex.module.RequestPort;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The web page of the FOSDEM demo: {@code GET /} answers with the number of button presses, which
 * it asks the db for on every page load.
 *
 * <p>The server starts on the {@code init} event, which carries the port as a big-endian u16
 * ({@code aex output res.json --connection init-server --arg beef} → port 48879). It comes as an
 * input, not an entry, so only the deployer (who holds the connection key) can start it.
 */
@Module
public final class Webserver {
  private static final Logger LOG = System.getLogger("webserver");

  @Request RequestPort getPresses;

  private HttpServer server;

  @Input
  void init(byte[] data) {
    if (data.length != 2) {
      LOG.log(Level.ERROR, "init needs the port as 2 bytes (big-endian), got " + data.length);
      return;
    }
    if (server != null) {
      LOG.log(Level.WARNING, "web server already running on port " + server.getAddress().getPort());
      return;
    }
    int port = ByteBuffer.wrap(data).getShort() & 0xffff;
    try {
      // Loopback only: the demo is browsed on the node itself (curl localhost:48879).
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      LOG.log(Level.ERROR, "cannot start the web server on port " + port + ": " + e);
      return;
    }
    server.createContext("/", this::serve);
    // No executor: the server's one thread answers the requests one after the other.
    server.start();
    LOG.log(Level.INFO, "web server listening on port " + port);
  }

  /** Runs on the server's thread, outside any event; it touches only the request port. */
  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      int status = 500;
      String body = "cannot reach the db\n";
      try {
        byte[] answer = getPresses.call(new byte[0]);
        if (answer.length == 4) {
          status = 200;
          body = Integer.toUnsignedString(ByteBuffer.wrap(answer).getInt()) + "\n";
        }
      } catch (RequestFailedException e) {
        LOG.log(Level.WARNING, "get_presses failed: " + e.getMessage());
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
