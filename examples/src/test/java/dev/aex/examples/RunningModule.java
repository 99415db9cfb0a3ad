package dev.aex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.module.testing.ModuleClient;
import dev.aex.module.testing.TestDeployer;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A built example module running as its own process, driven as the event manager and the deployer
 * drive it: set_key with the secure suite, events (entry 3), requests to its handlers (entry 4)
 * and entry calls. Its stderr goes to a file beside the binary, shown when it fails to start.
 */
final class RunningModule implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  final ExampleModule module;
  private final Process process;
  private final Path stderr;
  // A fresh process expects the control messages' counter to start again at 0.
  private final TestDeployer deployer = new TestDeployer(Examples.MODULE_KEY);

  private RunningModule(ExampleModule module, Process process, Path stderr) {
    this.module = module;
    this.process = process;
    this.stderr = stderr;
  }

  static RunningModule start(ExampleModule module) {
    Path stderr = module.binary().resolveSibling(module.binary().getFileName() + ".stderr");
    try {
      Process process = new ProcessBuilder(List.of(module.binary().toString()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(stderr.toFile())
          .start();
      RunningModule running = new RunningModule(module, process, stderr);
      running.awaitListening();
      return running;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Installs a fresh key for connection {@code connId} on {@code endpoint}; returns the key. */
  SymmetricKey connect(int connId, String endpoint) {
    SymmetricKey key = SymmetricKey.random16();
    setKey(connId, endpoint, key);
    return key;
  }

  /** set_key: installs {@code key} for connection {@code connId} on {@code endpoint}. */
  void setKey(int connId, String endpoint, SymmetricKey key) {
    byte[] setKey = deployer.setKey(SecureAesGcm.ENCRYPTION_TYPE, connId, module.id(endpoint), key);
    assertThat(ModuleClient.call(module.port(), 0, setKey))
        .as("set_key %s on %s", endpoint, module.name()).isEqualTo(ResultMessage.of(ResultCode.OK));
  }

  /** Connects {@code input} and returns the sender the connection's source would use. */
  Sender connectInput(int connId, String input) {
    return SecureAesGcm.create(connect(connId, input)).newSender();
  }

  /** Delivers one event on an input connection, as the EM does for an output or a direct output. */
  ResultMessage event(Sender sender, int connId, byte[] data) {
    byte[] frame = sender.seal(TestDeployer.ad(3, connId), data);
    return ModuleClient.call(module.port(), 3, TestDeployer.eventArgs(connId, frame));
  }

  /** Sends a request to a handler connection and returns the handler's decrypted answer. */
  byte[] request(Sender sender, int connId, byte[] data) throws Exception {
    byte[] ad = TestDeployer.ad(4, connId);
    PendingRequest request = sender.sealRequest(ad, data);
    ResultMessage reply = ModuleClient.call(module.port(), 4, TestDeployer.eventArgs(connId, request.frame()));
    assertThat(reply.code()).as("reply of %s", module.name()).isEqualTo(ResultCode.OK);
    return request.openReply(ad, reply.payload().toByteArray());
  }

  /** Calls an entry by name, unauthenticated, as {@code aex call} does. */
  ResultMessage call(String entry, byte[] args) {
    return ModuleClient.call(module.port(), module.id(entry), args);
  }

  /** Waits up to 5 s for {@code text} in the module's log (its stderr); returns the log. */
  String awaitLog(String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String log = stderr();
    while (!log.contains(text) && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(50));
      log = stderr();
    }
    return log;
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(module.name() + " exited with " + process.exitValue() + ": " + stderr());
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), module.port()).close();
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(20));
      }
    }
    close();
    throw new AssertionError(module.name() + " did not listen on " + module.port() + " within " + START_TIMEOUT);
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

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
