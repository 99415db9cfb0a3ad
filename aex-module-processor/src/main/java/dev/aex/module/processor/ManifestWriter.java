package dev.aex.module.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code META-INF/aex/module.json}: pretty-printed, in a fixed key order, with all five
 * endpoint arrays always present, and pure ASCII so that no file encoding can change it.
 */
final class ManifestWriter {
  private ManifestWriter() {}

  static String render(ModuleModel model) {
    List<String> members = new ArrayList<>();
    members.add(member("name", quote(model.name())));
    members.add(member("class", quote(model.qualifiedClassName())));
    members.add(member("dispatch", quote(model.qualifiedDispatchName())));
    members.add(member("concurrent", String.valueOf(model.concurrent())));
    for (EndpointKind kind : EndpointKind.values()) {
      members.add(member(kind.jsonKey(), array(model.endpoints(kind))));
    }
    return "{\n" + String.join(",\n", members) + "\n}\n";
  }

  /** {@code text} as a JSON string; everything outside printable ASCII becomes a \\u escape. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String member(String key, String value) {
    return "  " + quote(key) + ": " + value;
  }

  private static String array(List<EndpointModel> endpoints) {
    if (endpoints.isEmpty()) {
      return "[]";
    }
    return endpoints.stream()
        .map(e -> "    {\"name\": " + quote(e.name()) + ", \"id\": " + e.id() + "}")
        .collect(Collectors.joining(",\n", "[\n", "\n  ]"));
  }
}
