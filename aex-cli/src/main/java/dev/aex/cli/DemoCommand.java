package dev.aex.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aex demo}: {@code aex up examples/fosdem/native.json}, then the original's acceptance
 * steps: start the web server ({@code init-server}), read the button presses counter over HTTP,
 * press the button ({@code trigger-btn}) and watch the counter follow, 0, 1, 2, …; then keep
 * running for the user (or, with {@code --once}, stop). Fails if the counter does not follow.
 */
@Command(name = "demo",
    description = {
        "Run the FOSDEM demo: aex up examples/fosdem/native.json (from the root of the checkout),"
            + " start its web server on http://localhost:48879, press the button and show the"
            + " counter change; then run until Ctrl-C."
    })
final class DemoCommand extends UpBase {
  static final String FOSDEM = "examples/fosdem/native.json";
  /** The checkout the {@code ./aex} script runs from. */
  static final String CHECKOUT = "AEX_CHECKOUT";

  /** How long the counter may take to show a press (events are asynchronous). */
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Option(names = "--once",
      description = "Exit after showing the counter change, stopping everything (for scripts).")
  boolean once;

  @Option(names = "--presses", paramLabel = "N", defaultValue = "2",
      description = "How many times to press the button (default: ${DEFAULT-VALUE}).")
  int presses;

  @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "48879",
      description = "The web server's port, sent with init-server (default: ${DEFAULT-VALUE}"
          + " = 0xbeef, as the original).")
  int webPort;

  @Option(names = "--descriptor", paramLabel = "FILE",
      description = "Another descriptor of the FOSDEM application, e.g. with other ports"
          + " (default: " + FOSDEM + ").")
  String descriptorOption;

  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here (default: NAME.result.json beside the descriptor"
          + " NAME.json).")
  String result;

  @Override
  Path descriptor() throws CliException {
    Path path = descriptorOption != null
        ? context.resolve(descriptorOption) : fosdem(context.resolve(FOSDEM), context.env());
    if (!Files.isRegularFile(path)) {
      throw new CliException("aex demo: " + path + " not found. Run it from the root of the aex"
          + " checkout (the folder with ./aex and examples/), e.g. 'cd aex && ./aex demo'");
    }
    return path;
  }

  /**
   * {@code inCwd} if it is there, else the FOSDEM descriptor of the checkout whose {@code ./aex}
   * runs ({@value #CHECKOUT}, which the script sets), so {@code ~/aex/aex demo} works anywhere.
   */
  static Path fosdem(Path inCwd, Map<String, String> env) {
    if (Files.isRegularFile(inCwd) || !env.containsKey(CHECKOUT)) {
      return inCwd;
    }
    Path inCheckout = Path.of(env.get(CHECKOUT)).resolve(FOSDEM);
    return Files.isRegularFile(inCheckout) ? inCheckout : inCwd;
  }

  @Override
  String resultOption() {
    return result;
  }

  @Override
  String workspaceOption() {
    return null;
  }

  @Override
  String noWaitOption() {
    return "--once";
  }

  @Override
  boolean waits() {
    return !once;
  }

  @Override
  void validate() throws CliException {
    if (webPort < 1 || webPort > 0xffff) {
      throw new CliException("--web-port: " + webPort + " (expected: 1..65535)");
    }
    if (listening(webPort)) {
      throw new CliException("port " + webPort + " is in use already: stop what listens there"
          + " (the web server of an earlier demo on event managers that still run stops with"
          + " 'aex reset RESULT', or with those event managers), or give --web-port another"
          + " port");
    }
  }

  @Override
  void whenUp(Up up) throws Exception {
    PrintStream out = context.out();
    String res = UpReport.quote(up.result().toString());
    String hex = HexFormat.of().toHexDigits((short) webPort);
    String url = "http://localhost:" + webPort;
    out.println();
    out.println("The demo");
    up.session().output("init-server", HexFormat.of().parseHex(hex));
    out.println("  " + up.program() + " output --connection init-server --arg " + hex + " " + res
        + "    # web server on " + url);
    out.flush();
    int count = awaitCount(url, OptionalInt.empty());
    out.println("  curl " + url + "    # " + count);
    out.flush();
    if (count != 0) {
      throw new CliException("the button presses counter is " + count + " before any press"
          + " (expected: 0)");
    }
    for (int press = 1; press <= presses; press++) {
      up.session().output("trigger-btn", new byte[0]);
      int expected = count + 1;
      count = awaitCount(url, OptionalInt.of(expected));
      out.println("  " + up.program() + " output --connection trigger-btn " + res
          + "    # press the button: curl shows " + count);
      out.flush();
    }
    if (!once) {
      out.println();
      out.println("Open " + url + " (or curl " + url + "), and press the button with");
      out.println("  " + up.program() + " output --connection trigger-btn " + res);
      out.flush();
    }
  }

  /**
   * GETs the page until it shows a count ({@code expected}, when given) and returns it; fails
   * after {@link #PATIENCE} with what it saw.
   */
  private int awaitCount(String url, OptionalInt expected) throws CliException,
      InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + URI.create(url).getPort() + "/"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String seen = "no answer";
    while (true) {
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body().strip();
        seen = "HTTP " + response.statusCode() + " \"" + body + "\"";
        if (response.statusCode() == 200 && body.matches("\\d{1,10}")) {
          int count = Integer.parseInt(body);
          if (expected.isEmpty() || count == expected.getAsInt()) {
            return count;
          }
        }
      } catch (IOException e) {
        seen = e instanceof ConnectException ? "connection refused" : e.toString();
      }
      if (System.nanoTime() > deadline) {
        throw new CliException("the button presses counter at " + url + " did not become "
            + (expected.isPresent() ? String.valueOf(expected.getAsInt()) : "readable")
            + " within " + PATIENCE.toSeconds() + " s (last: " + seen + ")");
      }
      Thread.sleep(100);
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
