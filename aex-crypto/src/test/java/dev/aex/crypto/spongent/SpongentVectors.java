package dev.aex.crypto.spongent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The lists of {@code spongewrap-128.json}, each vector named after its {@code name}. */
final class SpongentVectors {
  static final String FILE = "spongewrap-128.json";

  private SpongentVectors() {}

  static Stream<Arguments> named(String list) {
    return Vectors.list(FILE, list).stream()
        .map(v -> Arguments.of(Named.of(v.get("name").asText(), v)));
  }

  static Stream<JsonNode> all(String list) {
    return Vectors.list(FILE, list).stream();
  }
}
