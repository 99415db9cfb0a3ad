package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import dev.aex.wire.payload.Encryption;
import java.util.Optional;

/**
 * A connection of the descriptor (deployer-reference.md §2.5): output to input (asynchronous,
 * n:n), request to handler (synchronous), or direct: the deployer itself to an input or a handler,
 * driven by the {@code output} and {@code request} commands.
 *
 * @param name the connection's name (default {@code conn<id>}, assigned by the {@link Planner})
 * @param source the module output or request the events come from; empty for a direct connection
 * @param target the module input or handler they go to
 * @param encryption the cipher between the endpoints
 * @param key the connection key, generated when the connection is planned. Never shown by {@link
 *     #toString()}.
 * @param id the connection id, a u16; default: the descriptor's next free connection id
 * @param nonce the deployer's next send counter; meaningful for direct connections only: a u16
 *     under the original's ciphers, up to 2^63 − 1 under the secure suite (SECURITY.md §4)
 * @param established whether both ends have the key
 */
public record Connection(Optional<String> name, Optional<ModuleEndpoint> source,
    ModuleEndpoint target, Encryption encryption, Optional<SymmetricKey> key, Optional<Integer> id,
    long nonce, boolean established) {
  public Connection {
    Checks.nonNull(name, source, target, encryption, key, id);
    if (target.isSource()) {
      throw new IllegalArgumentException("target: " + target + " (expected: an input or handler)");
    }
    source.ifPresent(s -> {
      if (!s.isSource() || s.peer() != target.kind()) {
        throw new IllegalArgumentException("source: " + s + " to target " + target
            + " (expected: an output to an input, or a request to a handler)");
      }
    });
    id.ifPresent(v -> Checks.u16("id", v));
    Checks.sendCounter("nonce", nonce);
  }

  /** A new connection with nothing assigned yet; {@code source} empty for a direct one. */
  public static Connection of(Optional<ModuleEndpoint> source, ModuleEndpoint target,
      Encryption encryption) {
    return new Connection(Optional.empty(), source, target, encryption, Optional.empty(),
        Optional.empty(), 0, false);
  }

  /** Whether the deployer is the source ({@code direct: true}). */
  public boolean direct() {
    return source.isEmpty();
  }

  /** This connection with its id, name and key assigned. */
  public Connection withAssignment(int newId, String newName, SymmetricKey newKey) {
    return new Connection(Optional.of(newName), source, target, encryption, Optional.of(newKey),
        Optional.of(newId), nonce, established);
  }
}
