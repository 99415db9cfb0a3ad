package dev.aex.module.build;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The {@code counter} test module built for a fake EM, with its port and its manifest's ids. */
record CounterBinary(Path binary, int port, Map<String, Integer> ids) {
  private static final Pattern ENDPOINT = Pattern.compile("\\{\"name\": \"(\\w+)\", \"id\": (\\d+)}");
  private static final int MAX_ID = 64;

  /** Builds with the first module id whose port (EM port + id) is free now. */
  static CounterBinary build(Path out, int emPort, SymmetricKey key, boolean legacy)
      throws IOException, ModuleBuildException {
    int id = freeIdAbove(emPort);
    ModuleStamp stamp = ModuleStamp.of(id, emPort, key);
    BuiltModule built = ModuleBuilder.build(
        TestModules.folder("counter"), legacy ? stamp.withOriginalControl() : stamp, out.resolve("counter-" + id));
    return new CounterBinary(built.binary(), emPort + id, ids(built.manifestJson()));
  }

  int id(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      throw new AssertionError("no endpoint " + name + " in the manifest: " + ids.keySet());
    }
    return id;
  }

  private static Map<String, Integer> ids(String manifestJson) {
    Matcher m = ENDPOINT.matcher(manifestJson);
    return m.results().collect(Collectors.toMap(r -> r.group(1), r -> Integer.parseInt(r.group(2))));
  }

  private static int freeIdAbove(int emPort) {
    for (int id = 1; id <= MAX_ID && emPort + id <= 0xFFFF; id++) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), emPort + id));
        return id;
      } catch (IOException busy) {
        // Try the next id.
      }
    }
    throw new AssertionError("no free module port above EM port " + emPort);
  }
}
