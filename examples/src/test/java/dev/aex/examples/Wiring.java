package dev.aex.examples;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import java.time.Duration;

/** The deployer's part of wiring running modules together, and waiting for the result. */
final class Wiring {
  private Wiring() {}

  /**
   * Establishes a module-to-module connection as {@code aex connect} does: one fresh key, given
   * to both ends with set_key.
   */
  static SymmetricKey connect(RunningModule source, String from, RunningModule target, String to, int connId) {
    SymmetricKey key = SymmetricKey.random16();
    source.setKey(connId, from, key);
    target.setKey(connId, to, key);
    return key;
  }

  static Sender sender(SymmetricKey key) {
    return SecureAesGcm.create(key).newSender();
  }

  /**
   * GETs the page until it shows {@code expected}, for up to 5 s: events travel between the
   * modules asynchronously, as through a real event manager. Only for pages whose GET changes
   * nothing.
   */
  static String awaitPage(int port, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String body = Http.get(port).body();
    while (!body.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      body = Http.get(port).body();
    }
    return body;
  }
}
