package dev.aex.module.runtime;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deployment-time data of one module: its id, the port of its event manager, its module key,
 * whether it accepts zero-IV AES connections to original modules ({@code legacy}), whether it also
 * answers the original system's control layouts under its module key ({@code originalControl}:
 * only for a module that stands in for an original one, since a zero-IV tag under the module key
 * gives away the GHASH key that its secure control messages share), and how long a request may
 * wait for its answer. The module listens on {@code 127.0.0.1:(emPort +
 * moduleId)} (architecture.md §3).
 *
 * <p>Guarantees: every instance is valid (ids and ports in range, a 16-byte key, a positive
 * timeout, a module port that exists). {@link #toString} never shows the key.
 */
public record Deployment(
    int moduleId,
    int emPort,
    SymmetricKey moduleKey,
    boolean legacy,
    boolean originalControl,
    Duration requestTimeout,
    Optional<QuoteSource> evidence) {
  /** Where {@link #load()} finds the properties inside the module's jar. */
  public static final String RESOURCE = "META-INF/aex/deployment.properties";

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> KEYS =
      Set.of("module.id", "em.port", "module.key", "legacy", "original.control",
          "request.timeout.ms", "attestation");

  /**
   * @throws IllegalArgumentException if a value is out of range or the module port exceeds 65535
   */
  public Deployment {
    Objects.requireNonNull(moduleKey, "moduleKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(evidence, "evidence");
    if (moduleId < 1 || moduleId > 0xffff) {
      throw new IllegalArgumentException("module id: " + moduleId + " (expected: 1..65535)");
    }
    if (emPort < 1 || emPort > 0xffff) {
      throw new IllegalArgumentException("em port: " + emPort + " (expected: 1..65535)");
    }
    if (emPort + moduleId > 0xffff) {
      throw new IllegalArgumentException(
          "module port: em port " + emPort + " + module id " + moduleId + " = "
              + (emPort + moduleId) + " (expected: <= 65535)");
    }
    if (moduleKey.length() != 16) {
      throw new IllegalArgumentException(
          "module key: " + moduleKey.length() + " bytes (expected: 16)");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout: " + requestTimeout + " (expected: > 0)");
    }
    if (originalControl && !legacy) {
      throw new IllegalArgumentException(
          "original control layouts without legacy connections (an original module has both)");
    }
  }

  /** A native deployment: the module key is the stamped one, there is no quote source. */
  public Deployment(
      int moduleId, int emPort, SymmetricKey moduleKey, boolean legacy, Duration requestTimeout) {
    this(moduleId, emPort, moduleKey, legacy, false, requestTimeout, Optional.empty());
  }

  /** A secure (non-legacy) deployment with the default request timeout. */
  public static Deployment of(int moduleId, int emPort, SymmetricKey moduleKey) {
    return new Deployment(moduleId, emPort, moduleKey, false, DEFAULT_REQUEST_TIMEOUT);
  }

  /** The same deployment, accepting zero-IV AES connections (to original modules) or not. */
  public Deployment withLegacy(boolean legacy) {
    return new Deployment(moduleId, emPort, moduleKey, legacy, false, requestTimeout, evidence);
  }

  /**
   * The same deployment standing in for an original module: zero-IV AES connections and the
   * original control layouts (set_key, attest, disable) under the module key.
   */
  public Deployment withOriginalControl() {
    return new Deployment(moduleId, emPort, moduleKey, true, true, requestTimeout, evidence);
  }

  public Deployment withRequestTimeout(Duration timeout) {
    return new Deployment(moduleId, emPort, moduleKey, legacy, originalControl, timeout, evidence);
  }

  /**
   * An SGX deployment whose quotes come from {@code source}: the module key is agreed at
   * attestation ({@code SgxAttestEntry}); until then it is the random start key that {@link
   * #fromProperties} gave an SGX stamp, known to nobody.
   */
  public Deployment withEvidence(QuoteSource source) {
    return new Deployment(
        moduleId, emPort, moduleKey, legacy, originalControl, requestTimeout, Optional.of(source));
  }

  /** The loopback port the module listens on: {@code emPort + moduleId}. */
  public int modulePort() {
    return emPort + moduleId;
  }

  /** Reads {@link #RESOURCE} through the context class loader (the module's own jar). */
  public static Deployment load() throws DeploymentException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : Deployment.class.getClassLoader());
  }

  /** Reads {@link #RESOURCE} through {@code loader}. */
  public static Deployment load(ClassLoader loader) throws DeploymentException {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new DeploymentException(
            RESOURCE + " not found on the class path (the module was not stamped at build time)");
      }
      Properties properties = new Properties();
      properties.load(in);
      Deployment deployment = fromProperties(properties);
      return isSgx(properties)
          ? deployment.withEvidence(Evidence.detect(System.getenv(), loader))
          : deployment;
    } catch (IOException | IllegalArgumentException e) {
      throw new DeploymentException(RESOURCE + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses {@code module.id}, {@code em.port}, {@code module.key} (32 hex digits), and the
   * optional {@code legacy} and {@code original.control} (true|false, default false), {@code
   * request.timeout.ms} (default 10000), and {@code attestation} (native|sgx, default native; an
   * SGX stamp has no {@code module.key}). Unknown keys are errors, so a misspelt {@code legacy}
   * cannot be silently ignored.
   */
  public static Deployment fromProperties(Properties properties) throws DeploymentException {
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new DeploymentException(
          RESOURCE + ": unknown keys " + unknown + " (expected: " + new TreeSet<>(KEYS) + ")");
    }
    int id = integer(properties, "module.id", 1, 0xffff);
    int emPort = integer(properties, "em.port", 1, 0xffff);
    SymmetricKey key = isSgx(properties) ? sgxStartKey(properties) : key(properties);
    boolean legacy = bool(properties, "legacy");
    boolean originalControl = bool(properties, "original.control");
    long timeoutMs = properties.containsKey("request.timeout.ms")
        ? integer(properties, "request.timeout.ms", 1, Integer.MAX_VALUE)
        : DEFAULT_REQUEST_TIMEOUT.toMillis();
    try {
      return new Deployment(id, emPort, key, legacy, originalControl, Duration.ofMillis(timeoutMs),
          Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new DeploymentException(RESOURCE + ": " + e.getMessage());
    }
  }

  /**
   * Whether the stamp says {@code attestation=sgx}: the module runs in an SGX enclave and agrees
   * on its key at attestation. {@link #fromProperties} then gives a random placeholder key and no
   * quote source; {@link #load} adds the source the environment offers.
   */
  static boolean isSgx(Properties properties) throws DeploymentException {
    String value = properties.getProperty("attestation", "native").strip();
    return switch (value) {
      case "native" -> false;
      case "sgx" -> true;
      default ->
          throw new DeploymentException(
              RESOURCE + ": attestation: \"" + value + "\" (expected: native or sgx)");
    };
  }

  private static SymmetricKey sgxStartKey(Properties properties) throws DeploymentException {
    if (properties.containsKey("module.key")) {
      throw new DeploymentException(RESOURCE + ": module.key given for an SGX module (expected:"
          + " none; its key is agreed at attestation, and a stamped key would be readable by the"
          + " host)");
    }
    return SymmetricKey.random16();
  }

  private static String required(Properties properties, String name) throws DeploymentException {
    String value = properties.getProperty(name);
    if (value == null) {
      throw new DeploymentException(RESOURCE + ": " + name + " missing");
    }
    return value.strip();
  }

  private static int integer(Properties properties, String name, int min, int max)
      throws DeploymentException {
    String value = required(properties, name);
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    throw new DeploymentException(
        RESOURCE + ": " + name + ": \"" + value + "\" (expected: an integer " + min + ".." + max + ")");
  }

  private static SymmetricKey key(Properties properties) throws DeploymentException {
    String value = required(properties, "module.key");
    if (value.length() != 32 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      // Never echo the value: it may be (most of) a real key.
      throw new DeploymentException(
          RESOURCE + ": module.key: " + value.length()
              + " characters, value not shown (expected: 32 hex digits)");
    }
    return SymmetricKey.copyOf(HexFormat.of().parseHex(value));
  }

  private static boolean bool(Properties properties, String name) throws DeploymentException {
    String value = properties.getProperty(name, "false").strip();
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new DeploymentException(
              RESOURCE + ": " + name + ": \"" + value + "\" (expected: true or false)");
    };
  }

  @Override
  public String toString() {
    return "Deployment[moduleId=" + moduleId + ", emPort=" + emPort + ", moduleKey=redacted, legacy="
        + legacy + ", originalControl=" + originalControl + ", requestTimeout=" + requestTimeout
        + evidence.map(e -> ", evidence=" + e.describe()).orElse("") + "]";
  }
}
