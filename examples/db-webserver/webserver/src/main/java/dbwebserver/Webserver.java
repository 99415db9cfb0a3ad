package dbwebserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import dev.aex.module.Request;
import dev.aex.module.RequestFailedException;
import dev.aex.module.RequestPort;
import dev.aex.wire.ResultCode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A web server that keeps no state: {@code GET /} asks the db how many requests came before
 * ({@code get_requests}), tells the db to count this one ({@code request_received}), then answers
 * with the number. The first page shows 0, the next 1, and so on.
 */
@Module
public final class Webserver {
  private static final Logger LOG = System.getLogger("webserver");
  /** The original listens on port 80, which needs root on a development machine. */
  static final int DEFAULT_PORT = 8080;

  @Output OutputPort requestReceived;
  @Request RequestPort getRequests;

  private HttpServer server;

  /**
   * Starts the web server on the port in {@code args} (a big-endian u16), or on 8080 without
   * arguments. Entries are not authenticated: anyone who reaches the event manager can call it,
   * but it can only start the server once.
   */
  @Entry
  EntryResult init(byte[] args) {
    if (args.length != 0 && args.length != 2) {
      return EntryResult.failure(ResultCode.ILLEGAL_PAYLOAD);
    }
    if (server != null) {
      LOG.log(Level.WARNING, "web server already running on port " + server.getAddress().getPort());
      return EntryResult.failure(ResultCode.BAD_REQUEST);
    }
    int port = args.length == 0 ? DEFAULT_PORT : ByteBuffer.wrap(args).getShort() & 0xffff;
    try {
      // Loopback only: the example is browsed on the node itself.
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      LOG.log(Level.ERROR, "cannot start the web server on port " + port + ": " + e);
      return EntryResult.failure(ResultCode.INTERNAL_ERROR);
    }
    server.createContext("/", this::serve);
    // No executor: the server's one thread answers the requests one after the other.
    server.start();
    LOG.log(Level.INFO, "web server listening on port " + port);
    return EntryResult.ok();
  }

  /** Runs on the server's thread, outside any event; it touches only the ports. */
  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/")) {
        // A browser also asks for /favicon.ico; that is not a page view to count.
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getRequestBody().readAllBytes();
      int status = 500;
      String body = "cannot reach the db\n";
      try {
        byte[] answer = getRequests.call(new byte[0]);
        if (answer.length == 4) {
          status = 200;
          body = Integer.toUnsignedString(ByteBuffer.wrap(answer).getInt()) + "\n";
        }
      } catch (RequestFailedException e) {
        LOG.log(Level.WARNING, "get_requests failed: " + e.getMessage());
      }
      // Count before answering: the event manager queues this event for the db ahead of the next
      // page's request, which the client can only send after this answer.
      requestReceived.send(new byte[0]);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
