package dev.aex.deployer.flows;

import dev.aex.deployer.Deployer;
import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerListener;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorReader;
import dev.aex.deployer.descriptor.DescriptorWriter;
import dev.aex.deployer.descriptor.HostResolver;
import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A workspace with the test module folders, in-process event managers on free loopback ports,
 * and deployers that record their state in a result file after every change, as the CLI does.
 */
final class Fixture {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Fixture() {}

  static EventManager em() throws IOException {
    return EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).build().start();
  }

  /** A port that nothing listens on (it was free a moment ago). */
  static int deadPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Copies src/test/resources/modules into {@code workspace}. */
  static Path workspace(Path workspace) throws IOException {
    Path source;
    try {
      source = Path.of(Fixture.class.getResource("/modules").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path dest = workspace.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return workspace;
  }

  /** A listener that keeps the timings and warnings. */
  static final class Recorder implements DeployerListener {
    final Map<String, Duration> timings = new ConcurrentHashMap<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();
    final List<String> timingLines = new CopyOnWriteArrayList<>();

    @Override
    public void finished(String timingLabel, Duration elapsed) {
      timings.put(timingLabel, elapsed);
      // The original's --timing format: "<label>: <seconds with 3 decimals>".
      timingLines.add(String.format(java.util.Locale.ROOT, "%s: %.3f", timingLabel,
          elapsed.toNanos() / 1e9));
    }

    @Override
    public void warning(String message) {
      warnings.add(message);
    }

    @Override
    public void info(String message) {
      infos.add(message);
    }
  }

  /** A deployer on {@code file} whose every state change rewrites {@code result}. */
  static Deployer open(Path file, Path workspace, Path result, DeployerListener listener)
      throws Exception {
    return open(file, workspace, result, listener, CounterLedger.none());
  }

  /** {@link #open(Path, Path, Path, DeployerListener)} keeping its counters in {@code ledger}. */
  static Deployer open(Path file, Path workspace, Path result, CounterLedger ledger)
      throws Exception {
    return open(file, workspace, result, new Recorder(), ledger);
  }

  private static Deployer open(Path file, Path workspace, Path result, DeployerListener listener,
      CounterLedger ledger) throws Exception {
    DeployerSettings settings = DeployerSettings.defaults(workspace)
        .withTimeout(TIMEOUT)
        .withListener(listener)
        .withCounterLedger(ledger)
        .withResultSink(state -> DescriptorWriter.write(state, DescriptorFormat.JSON, result));
    return Deployer.open(file, settings);
  }

  /**
   * A copy of {@code result} at {@code copy} whose every counter is {@code counter}: a copy that
   * went far ahead, which once used leaves {@code result} more than a replay window behind.
   */
  static Path countersAt(Path result, Path copy, long counter) throws IOException {
    String text = Files.readString(result);
    String ahead = text.replaceAll("\"nonce\": \\d+", "\"nonce\": " + counter);
    if (ahead.equals(text)) {
      throw new AssertionError("no counter in " + result);
    }
    return Files.writeString(copy, ahead);
  }

  static Descriptor read(Path result) throws Exception {
    return DescriptorReader.create().withHostResolver(HostResolver.system()).read(result)
        .descriptor();
  }

  /** Waits (at most {@code timeout}, polling every 20 ms) until {@code condition} holds. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what);
  }

  static int u32(byte[] bytes) {
    return java.nio.ByteBuffer.wrap(bytes).getInt();
  }
}
