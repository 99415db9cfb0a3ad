package statetransfer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aex.module.Entry;
import dev.aex.module.EntryResult;
import dev.aex.module.Handler;
import dev.aex.module.Input;
import dev.aex.module.Module;
import dev.aex.module.Output;
import dev.aex.module.OutputPort;
import dev.aex.wire.ResultCode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web page that counts its views and keeps the count across {@code aex update}: {@code GET /}
 * answers with the number of earlier views. The state-transfer endpoints follow the original
 * deployer's convention (deployer-reference.md §5.1): the update calls the entry {@code __save} on
 * the old module, which emits the count on the output {@code __transfer}, connected for the moment
 * to the input {@code __restore} of the new module.
 */
@Module
public final class Counter {
  private static final Logger LOG = System.getLogger("counter");
  /** The original listens on port 80, which needs root on a development machine. */
  static final int DEFAULT_PORT = 8080;

  @Output("__transfer") OutputPort transfer;

  /**
   * Atomic although the module is not concurrent: the runtime runs one event at a time, but the
   * web server's thread counts views outside of any event.
   */
  private final AtomicInteger views = new AtomicInteger();
  private HttpServer server;

  /**
   * Starts the web server on the port in {@code args} (a big-endian u16), or on 8080 without
   * arguments. Entries are not authenticated, but this one can only start the server once.
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
    server.start();
    LOG.log(Level.INFO, "web server listening on port " + port);
    return EntryResult.ok();
  }

  /** The number of views so far, a big-endian u32 (direct connection {@code get-requests}). */
  @Handler
  byte[] getRequests(byte[] request) {
    return u32(views.get());
  }

  /** Emits the count on {@code __transfer}; the deployer calls it during an update. */
  @Entry("__save")
  EntryResult save(byte[] args) {
    transfer.send(u32(views.get()));
    return EntryResult.ok();
  }

  /** Takes over the count that the old module saved. */
  @Input("__restore")
  void restore(byte[] data) {
    if (data.length != 4) {
      LOG.log(Level.ERROR, "restore needs a 4-byte count, got " + data.length + " bytes");
      return;
    }
    views.set(ByteBuffer.wrap(data).getInt());
    LOG.log(Level.INFO, "restored count " + Integer.toUnsignedString(views.get()));
  }

  /** Runs on the server's thread, outside any event. */
  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/")) {
        // A browser also asks for /favicon.ico; that is not a view to count.
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getRequestBody().readAllBytes();
      byte[] body = (Integer.toUnsignedString(views.getAndIncrement()) + "\n")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] u32(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }
}
