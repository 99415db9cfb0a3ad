package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.Objects;

/**
 * How to reach the Attestation Manager (deployer-reference.md §2.7, §8): the contents of the
 * manager file, or the historic inline {@code manager} object.
 *
 * @param host the manager's host, as written
 * @param port its port, a positive u16
 * @param key the 16-byte pre-shared key of its TLS-PSK channel, written as a list of byte values.
 *     Never shown by {@link #toString()}.
 */
public record ManagerSettings(String host, int port, SymmetricKey key) {
  public ManagerSettings {
    Checks.name("host", host);
    Checks.port("port", port);
    Objects.requireNonNull(key, "key");
  }
}
