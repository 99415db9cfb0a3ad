package dev.aex.module.build;

import dev.aex.crypto.SymmetricKey;
import dev.aex.module.runtime.Deployment;
import dev.aex.module.runtime.DeploymentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The deployment data stamped into a module binary at build time, as the original generator
 * compiles them in (protocol.md §3.1.3): the module id, the event manager's port (the module
 * listens on {@code 127.0.0.1:(emPort + moduleId)}), the module key of a native module, whether
 * the module accepts zero-IV AES connections to original modules ({@code legacy}), whether it
 * also answers the original system's control layouts ({@code originalControl}: only for a module
 * that stands in for an original one; see {@link #withOriginalControl}), and the request
 * timeout. {@link #toString()} never shows the key.
 */
public record ModuleStamp(
    int moduleId,
    int emPort,
    SymmetricKey moduleKey,
    boolean legacy,
    boolean originalControl,
    Duration requestTimeout) {
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
    if (originalControl && !legacy) {
      throw new IllegalArgumentException(
          "original control layouts without legacy connections (an original module has both)");
    }
  }

  /** A secure (non-legacy) stamp with the default request timeout of 10 s. */
  public static ModuleStamp of(int moduleId, int emPort, SymmetricKey moduleKey) {
    return new ModuleStamp(moduleId, emPort, moduleKey, false, false, Duration.ofSeconds(10));
  }

  /**
   * The same stamp, accepting zero-IV AES connections: for a module with a connection to an
   * original module (SECURITY.md §2). Its own control messages stay on the secure layouts.
   */
  public ModuleStamp withLegacy() {
    return new ModuleStamp(moduleId, emPort, moduleKey, true, false, requestTimeout);
  }

  /**
   * The same stamp, answering the original system's control layouts too (set_key, attest and
   * disable under the module key with the zero IV), as an original module does: for a module
   * that stands in for one (tests, or control by the original deployer). Never for a module that
   * also takes secure control messages: two zero-IV tags under its key give away the GHASH key
   * that those share, and with it forged set_keys and disables.
   */
  public ModuleStamp withOriginalControl() {
    return new ModuleStamp(moduleId, emPort, moduleKey, true, true, requestTimeout);
  }

  /**
   * The stamp of the native module binary {@code binary} (as {@link ModuleBuilder#build} wrote
   * it); empty when the file holds none: not a module binary, or an SGX module's jar, whose stamp
   * has no key.
   *
   * @throws IOException if the file cannot be read
   */
  public static Optional<ModuleStamp> readFrom(Path binary) throws IOException {
    Properties properties = new Properties();
    try (ZipFile jar = new ZipFile(binary.toFile())) {
      ZipEntry entry = jar.getEntry(ModuleBuilder.STAMP);
      if (entry == null) {
        return Optional.empty();
      }
      try (InputStream in = jar.getInputStream(entry)) {
        properties.load(in);
      }
    } catch (ZipException e) {
      return Optional.empty();
    }
    if (!properties.containsKey("module.key")) {
      return Optional.empty();
    }
    try {
      Deployment d = Deployment.fromProperties(properties);
      return Optional.of(new ModuleStamp(d.moduleId(), d.emPort(), d.moduleKey(), d.legacy(),
          d.originalControl(), d.requestTimeout()));
    } catch (DeploymentException | IllegalArgumentException e) {
      return Optional.empty();
    }
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
        + "original.control=" + originalControl + "\n"
        + "request.timeout.ms=" + requestTimeout.toMillis() + "\n";
  }

  @Override
  public String toString() {
    return "ModuleStamp[moduleId=" + moduleId + ", emPort=" + emPort + ", moduleKey=redacted, legacy="
        + legacy + ", originalControl=" + originalControl + ", requestTimeout=" + requestTimeout
        + "]";
  }
}
