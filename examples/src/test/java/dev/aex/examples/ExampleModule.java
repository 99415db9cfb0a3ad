package dev.aex.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One example module folder built into a binary for the shared fake event manager: its port
 * (EM port + module id) and the manifest the annotation processor wrote.
 */
record ExampleModule(String example, String folder, Path binary, int port, JsonNode manifest) {
  static final ObjectMapper JSON = new ObjectMapper();

  static ExampleModule of(String example, String folder, Path binary, int port, String manifestJson) {
    try {
      return new ExampleModule(example, folder, binary, port, JSON.readTree(manifestJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return manifest.get("name").asText();
  }

  /** The endpoints of one kind ({@code inputs}, {@code outputs}, … {@code entries}) by name. */
  Map<String, Integer> endpoints(String kind) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    manifest.get(kind).forEach(e -> ids.put(e.get("name").asText(), e.get("id").asInt()));
    return ids;
  }

  Optional<Integer> find(String kind, String endpoint) {
    return Optional.ofNullable(endpoints(kind).get(endpoint));
  }

  /** The id of an endpoint of any kind; fails naming what the manifest has. */
  int id(String endpoint) {
    for (String kind : new String[] {"inputs", "outputs", "requests", "handlers", "entries"}) {
      Optional<Integer> id = find(kind, endpoint);
      if (id.isPresent()) {
        return id.get();
      }
    }
    throw new AssertionError("module " + name() + " has no endpoint " + endpoint + ": " + manifest);
  }

  /** Starts the binary as its event manager would, with a fresh deployer for its module key. */
  RunningModule start() {
    return RunningModule.start(this);
  }
}
