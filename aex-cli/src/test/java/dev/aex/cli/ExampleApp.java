package dev.aex.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A copy of one of the repository's examples ({@code examples/NAME}) in a temporary folder, its
 * descriptor's node ports rewritten (so tests run next to anything else on 5000, 6000, …), and a
 * small HTTP client for the pages the examples serve.
 */
final class ExampleApp {
  /** The examples folder, seen from the aex-cli module (where Maven runs its tests). */
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private ExampleApp() {}

  static boolean exists(String name, String descriptor) {
    return Files.isRegularFile(EXAMPLES.resolve(name).resolve(descriptor));
  }

  /**
   * Copies {@code examples/name} (without build output or results) into {@code into}, with every
   * {@code "reactive_port": P} of {@code descriptor} replaced as {@code ports} says.
   */
  static Path copy(String name, String descriptor, Path into, Map<Integer, Integer> ports)
      throws IOException {
    Path from = EXAMPLES.resolve(name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path relative = from.relativize(file);
        String first = relative.getNameCount() > 0 ? relative.getName(0).toString() : "";
        if (first.equals("build") || first.equals("target") || file.toString().endsWith(
            ".result.json") || first.equals("res.json")) {
          continue;
        }
        Path target = into.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path file = into.resolve(descriptor);
    String text = Files.readString(file);
    for (var port : ports.entrySet()) {
      text = text.replaceAll("\"reactive_port\"\\s*:\\s*" + port.getKey() + "\\b",
          "\"reactive_port\": " + port.getValue());
    }
    Files.writeString(file, text);
    return file;
  }

  /** The page on 127.0.0.1:port, stripped, if it answers 200. */
  static Optional<String> get(int port) throws InterruptedException {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body().strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** GETs until the page answers 200 (the server starts asynchronously); at most 15 s. */
  static String awaitPage(int port) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      Optional<String> page = get(port);
      if (page.isPresent()) {
        return page.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no page on port " + port + " within 15 s");
  }

  /** GETs until the page shows {@code expected} (for pages that GET does not change); 15 s. */
  static String awaitCount(int port, String expected) throws InterruptedException {
    String last = "";
    for (int i = 0; i < 150; i++) {
      last = get(port).orElse("(no answer)");
      if (last.equals(expected)) {
        return last;
      }
      Thread.sleep(100);
    }
    return last;
  }
}
