package dev.aex.module.build;

import dev.aex.crypto.SymmetricKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The deployment data stamped into a module binary at build time, as the original generator
 * compiles them in (protocol.md §3.1.3): the module id, the event manager's port (the module
 * listens on {@code 127.0.0.1:(emPort + moduleId)}), the module key of a native module, whether
 * the module accepts the original system's legacy layouts and zero-IV AES, and the request
 * timeout. {@link #toString()} never shows the key.
 */
public record ModuleStamp(
    int moduleId, int emPort, SymmetricKey moduleKey, boolean legacy, Duration requestTimeout) {
  public ModuleStamp {
    Objects.requireNonNull(moduleKey, "moduleKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (moduleId < 1 || moduleId > 0xFFFF) {
      throw new IllegalArgumentException("module id: " + moduleId + " (expected: 1 to 65535)");
    }
    if (emPort < 1 || emPort + moduleId > 0xFFFF) {
      throw new IllegalArgumentException("EM port " + emPort + " + module id " + moduleId
          + " is not a TCP port (expected: a sum from 2 to 65535)");
    }
    if (moduleKey.length() != 16) {
      throw new IllegalArgumentException("module key: " + moduleKey.length() + " bytes (expected: 16)");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout: " + requestTimeout + " (expected: > 0)");
    }
  }

  /** A secure (non-legacy) stamp with the default request timeout of 10 s. */
  public static ModuleStamp of(int moduleId, int emPort, SymmetricKey moduleKey) {
    return new ModuleStamp(moduleId, emPort, moduleKey, false, Duration.ofSeconds(10));
  }

  /** The same stamp, accepting the original system's legacy layouts and zero-IV AES. */
  public ModuleStamp withLegacy() {
    return new ModuleStamp(moduleId, emPort, moduleKey, true, requestTimeout);
  }

  /** The text of {@code META-INF/aex/deployment.properties}, read by the module runtime. */
  String toProperties() {
    return properties("module.key=" + HexFormat.of().formatHex(moduleKey.revealBytes()));
  }

  /**
   * The stamp of an SGX module: as {@link #toProperties()} but {@code attestation=sgx} and no
   * module key (the enclave agrees on its key at attestation; a stamped key would be readable by
   * the host, since the jar is not encrypted).
   */
  String toSgxProperties() {
    return properties("attestation=sgx");
  }

  /** The stamp's lines, with {@code keyLine} (the key, or how the key is had) third. */
  private String properties(String keyLine) {
    return "module.id=" + moduleId + "\n"
        + "em.port=" + emPort + "\n"
        + keyLine + "\n"
        + "legacy=" + legacy + "\n"
        + "request.timeout.ms=" + requestTimeout.toMillis() + "\n";
  }

  @Override
  public String toString() {
    return "ModuleStamp[moduleId=" + moduleId + ", emPort=" + emPort + ", moduleKey=redacted, legacy="
        + legacy + ", requestTimeout=" + requestTimeout + "]";
  }
}
