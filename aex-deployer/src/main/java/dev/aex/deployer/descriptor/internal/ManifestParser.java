package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.ModuleManifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The module SDK's {@code META-INF/aex/module.json}: {@code name}, and arrays {@code inputs,
 * outputs, requests, handlers, entries} of {@code {"name", "id"}} (aex-module-processor's
 * ManifestWriter). Its other fields ({@code class}, {@code dispatch}, {@code concurrent}) are the
 * runtime's business.
 */
public final class ManifestParser {
  static final Set<String> KNOWN = Fields.ordered("name", "class", "dispatch", "concurrent", "inputs",
      "outputs", "requests", "handlers", "entries");

  private ManifestParser() {}

  public static Optional<ModuleManifest> parse(JsonNode root, Problems problems) {
    if (!(root instanceof ObjectNode object)) {
      problems.file().error("expected a module manifest mapping, found " + Values.describe(root));
      return Optional.empty();
    }
    int before = problems.errorCount();
    Fields f = new Fields(object, problems.file(), KNOWN);
    Optional<String> name = f.requiredName("name");
    Map<EndpointKind, Map<String, Integer>> sections = new LinkedHashMap<>();
    for (EndpointKind kind : EndpointKind.values()) {
      sections.put(kind, endpoints(f, kind.manifestKey()));
    }
    f.checkUnknown(false);
    if (problems.errorCount() > before) {
      return Optional.empty();
    }
    return name.map(n -> new ModuleManifest(n, new ModuleData(sections)));
  }

  private static Map<String, Integer> endpoints(Fields f, String key) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    if (!f.present(key)) {
      return ids;
    }
    JsonNode list = f.value(key);
    if (!list.isArray()) {
      f.wrongType(key, "a list of {\"name\", \"id\"}", list);
      return ids;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      JsonNode name = e.get("name");
      JsonNode id = e.get("id");
      boolean ok = name != null && name.isTextual() && id != null && id.isIntegralNumber()
          && id.canConvertToInt() && id.intValue() >= 0 && id.intValue() <= 0xFFFF;
      if (!ok || ids.putIfAbsent(name.textValue(), id.intValue()) != null) {
        f.report().error(key + "[" + i + "]", "expected a unique {\"name\": string, \"id\": "
            + "0..65535}, found " + Values.describe(e));
      }
    }
    return ids;
  }
}
