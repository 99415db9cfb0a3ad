package dev.aex.em.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.crypto.SymmetricKey;
import dev.aex.module.build.BuiltModule;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import dev.aex.wire.Bytes;
import dev.aex.wire.NativeLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code relay} test module (src/test/resources/modules/relay) built into a real
 * self-executing binary for one module id and event manager port, with the ids of its endpoints.
 */
public record RelayBinary(int moduleId, SymmetricKey key, Bytes executable, Map<String, Integer> ids) {
  public static RelayBinary build(Path out, int moduleId, int emPort, boolean legacy) {
    SymmetricKey key = SymmetricKey.random16();
    ModuleStamp stamp = ModuleStamp.of(moduleId, emPort, key);
    try {
      BuiltModule built = ModuleBuilder.build(
          folder(), legacy ? stamp.withOriginalControl() : stamp, out.resolve("relay-" + emPort + "-" + moduleId));
      return new RelayBinary(moduleId, key, Bytes.of(Files.readAllBytes(built.binary())), ids(built.manifestJson()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("cannot build the relay module: " + e.getMessage(), e);
    }
  }

  /** The id of an endpoint (input, output, request, handler or entry) by name. */
  public int id(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      throw new AssertionError("relay has no endpoint " + name + ": " + ids.keySet());
    }
    return id;
  }

  /** The Load command that deploys this binary on a native node. */
  public NativeLoad load() {
    return new NativeLoad(executable);
  }

  private static Path folder() {
    try {
      return Path.of(RelayBinary.class.getResource("/modules/relay").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code {"name": …, "id": …}} object anywhere in the manifest. */
  private static Map<String, Integer> ids(String manifestJson) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    collect(new ObjectMapper().readTree(manifestJson), ids);
    return ids;
  }

  private static void collect(JsonNode node, Map<String, Integer> ids) {
    if (node.has("name") && node.has("id")) {
      ids.put(node.get("name").asText(), node.get("id").asInt());
    }
    node.forEach(child -> collect(child, ids));
  }
}
