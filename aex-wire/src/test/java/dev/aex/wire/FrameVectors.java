package dev.aex.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.testkit.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Every complete frame of the shared vectors: the 25 of wire-messages.json and the 80 of
 * peer-session.json that carry their full hex (the 5 Loads there carry only a prefix).
 */
final class FrameVectors {
  private FrameVectors() {}

  static Stream<Named<JsonNode>> all() {
    return Stream.concat(wireMessages(), peerSession());
  }

  static Stream<Named<JsonNode>> wireMessages() {
    return Vectors.list("wire-messages.json", "messages").stream()
        .map(v -> Named.of("wire-messages " + v.get("name").asText(), v));
  }

  static Stream<Named<JsonNode>> peerSession() {
    return Vectors.list("peer-session.json", "messages").stream()
        .filter(v -> v.has("hex"))
        .map(v -> Named.of(peerName(v), v));
  }

  static String peerName(JsonNode v) {
    return "peer-session #"
        + v.get("seq").asInt()
        + " "
        + v.get("from").asText()
        + " -> "
        + v.get("to").asText()
        + " "
        + v.get("framing").asText();
  }
}
