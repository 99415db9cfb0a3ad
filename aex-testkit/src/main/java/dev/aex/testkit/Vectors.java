package dev.aex.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared interoperability vectors ({@code ../shared/vectors} beside the checkout, or the
 * folder named by {@code AEX_VECTORS}) and reads them.
 *
 * <p>When the folder is absent, a test that needs it fails under CI ({@code CI=true}), so a CI run
 * can never pass without checking interoperability, and is skipped elsewhere with a message naming
 * the folder, so a clone of the project alone still passes its tests.
 */
public final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  /** The vectors folder; fails or skips the calling test when it is missing. */
  public static Path folder() {
    Optional<Path> found = find();
    if (found.isPresent()) {
      return found.get();
    }
    String message = "test vectors not found: set AEX_VECTORS or place them at " + expectedPlace();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + " (CI=true: vectors are required)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** A file inside the vectors folder, which must exist. */
  public static Path file(String relative) {
    Path file = folder().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("vector file missing: " + file);
    }
    return file;
  }

  /** Parses a JSON vector file. */
  public static JsonNode json(String relative) {
    try {
      return JSON.readTree(file(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vector file " + relative, e);
    }
  }

  /** The elements of a JSON array field of a vector file, for parameterised tests. */
  public static List<JsonNode> list(String relative, String field) {
    JsonNode array = json(relative).path(field);
    if (!array.isArray() || array.isEmpty()) {
      throw new AssertionError(relative + ": field '" + field + "' is not a non-empty array");
    }
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** Reads the hex string in {@code node.field}. */
  public static byte[] hex(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new AssertionError("vector field '" + field + "' missing or not a string in " + node);
    }
    return Hex.decode(value.asText());
  }

  private static Optional<Path> find() {
    String env = System.getenv("AEX_VECTORS");
    if (env != null && !env.isBlank()) {
      Path path = Path.of(env);
      return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
    Path place = expectedPlace();
    return Files.isDirectory(place) ? Optional.of(place) : Optional.empty();
  }

  private static Path expectedPlace() {
    String env = System.getenv("AEX_VECTORS");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return projectRoot().resolve("../shared/vectors").normalize();
  }

  /** The root of the checkout: set by the build, else found by walking up to the parent POM. */
  public static Path projectRoot() {
    String property = System.getProperty("aex.projectRoot");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw"))) {
        return p;
      }
    }
    return dir;
  }
}
