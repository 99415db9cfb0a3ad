package dev.aex.module.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * A built module binary running as its own process, as an event manager starts it. {@link #start}
 * returns once the module accepts connections on its port; stderr goes to a file for messages.
 */
final class ModuleProcess implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path stderr;

  private ModuleProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  /** Starts {@code binary}; {@code env} may change the environment it inherits from this JVM. */
  static ModuleProcess start(Path binary, int port, Consumer<Map<String, String>> env)
      throws IOException {
    Process process = launch(binary, env);
    ModuleProcess module = new ModuleProcess(process, stderrOf(binary));
    module.awaitListening(port);
    return module;
  }

  /** Runs the binary to its end (for start-up failures); returns the exit status. */
  static Finished run(Path binary, Consumer<Map<String, String>> env) throws IOException, InterruptedException {
    Process process = launch(binary, env);
    if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("binary still running after " + START_TIMEOUT);
    }
    return new Finished(process.exitValue(), Files.readString(stderrOf(binary)));
  }

  record Finished(int status, String stderr) {}

  private static Process launch(Path binary, Consumer<Map<String, String>> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderrOf(binary).toFile());
    env.accept(builder.environment());
    return builder.start();
  }

  private static Path stderrOf(Path binary) {
    return binary.resolveSibling(binary.getFileName() + ".stderr");
  }

  private void awaitListening(int port) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("module exited with " + process.exitValue() + ": " + Files.readString(stderr));
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(20));
      }
    }
    close();
    throw new AssertionError("module did not listen on " + port + " within " + START_TIMEOUT);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Closes this side of the module's stdin, as the death of the event manager that started it does. */
  void closeStdin() throws IOException {
    process.getOutputStream().close();
  }

  /** The exit status, if the module ends within {@code wait}. */
  OptionalInt awaitExit(Duration wait) throws InterruptedException {
    return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
