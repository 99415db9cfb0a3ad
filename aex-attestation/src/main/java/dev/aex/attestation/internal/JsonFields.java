package dev.aex.attestation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.TcbStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of Intel's collateral JSON. A missing or mistyped field throws
 * {@link IllegalArgumentException} naming it; callers turn that into a collateral error.
 */
final class JsonFields {
  private JsonFields() {}

  static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return value;
  }

  static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' is not a string");
    }
    return value.asText();
  }

  static int integer(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.canConvertToInt()) {
      throw new IllegalArgumentException("field '" + name + "' is not an integer");
    }
    return value.asInt();
  }

  static HexBytes hex(JsonNode node, String name, int size) {
    HexBytes value = HexBytes.fromHex(text(node, name));
    if (value.size() != size) {
      throw new IllegalArgumentException("field '" + name + "' has " + value.size()
          + " bytes (expected: " + size + ")");
    }
    return value;
  }

  static Instant instant(JsonNode node, String name) {
    try {
      return Instant.parse(text(node, name));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field '" + name + "' is not an ISO-8601 instant");
    }
  }

  static TcbStatus status(JsonNode node) {
    String name = text(node, "tcbStatus");
    return TcbStatus.fromJson(name).orElseThrow(
        () -> new IllegalArgumentException("unknown tcbStatus '" + name + "'"));
  }

  /** The array field {@code name}; absent means empty (advisoryIDs, tdxtcbcomponents). */
  static List<JsonNode> array(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' is not an array");
    }
    List<JsonNode> out = new ArrayList<>();
    value.forEach(out::add);
    return out;
  }

  static List<String> advisories(JsonNode level) {
    List<String> out = new ArrayList<>();
    for (JsonNode id : array(level, "advisoryIDs")) {
      if (!id.isTextual()) {
        throw new IllegalArgumentException("advisoryIDs holds a non-string");
      }
      out.add(id.asText());
    }
    return List.copyOf(out);
  }
}
