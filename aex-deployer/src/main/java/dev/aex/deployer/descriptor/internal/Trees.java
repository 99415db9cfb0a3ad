package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.ModuleData;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Building result trees: every field is written, absent ones as null, because the result is the
 * input of every later command and of the original tool (deployer-reference.md §3).
 */
final class Trees {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Trees() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static void text(ObjectNode o, String field, Optional<String> value) {
    value.ifPresentOrElse(v -> o.put(field, v), () -> o.putNull(field));
  }

  /**
   * A state flag as the original writes it: true once the step is done, null before (its objects
   * start with None); it reads null as not done, as aex does.
   */
  static void flag(ObjectNode o, String field, boolean value) {
    if (value) {
      o.put(field, true);
    } else {
      o.putNull(field);
    }
  }

  static void number(ObjectNode o, String field, Optional<Integer> value) {
    value.ifPresentOrElse(v -> o.put(field, v), () -> o.putNull(field));
  }

  static void strings(ObjectNode o, String field, List<String> values) {
    ArrayNode array = o.putArray(field);
    values.forEach(array::add);
  }

  /** A key as lower-case hex: the one place where the writer reveals key bytes. */
  static void key(ObjectNode o, String field, Optional<SymmetricKey> key) {
    text(o, field, key.map(k -> HexFormat.of().formatHex(k.revealBytes())));
  }

  static void endpoint(ObjectNode o, String field, Optional<EndpointRef> ref) {
    ref.ifPresentOrElse(r -> {
      switch (r) {
        case EndpointRef.Named n -> o.put(field, n.name());
        case EndpointRef.Numeric n -> o.put(field, n.id());
      }
    }, () -> o.putNull(field));
  }

  static void data(ObjectNode o, Optional<ModuleData> data) {
    data.ifPresentOrElse(d -> {
      ObjectNode sections = o.putObject("data");
      d.sections().forEach((kind, ids) -> {
        ObjectNode section = sections.putObject(kind.dataKey());
        ids.forEach(section::put);
      });
    }, () -> o.putNull("data"));
  }
}
