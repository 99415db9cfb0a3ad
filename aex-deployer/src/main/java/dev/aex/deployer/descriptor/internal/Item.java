package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One mapping of a top-level list, with the label messages use for it: {@code modules[2]
 * "controller"}, or for an unnamed connection {@code connections[0] (button_driver -> gateway)}.
 *
 * @param label how messages name the item
 * @param object its fields
 * @param name its {@code name}, if that is a string (counts as declared even if the item is bad)
 */
public record Item(String label, ObjectNode object, Optional<String> name) {
  /**
   * The mappings of list {@code section} of {@code root}; reports a missing required list, a
   * non-list, and elements that are not mappings.
   */
  public static List<Item> list(ObjectNode root, String section, boolean required,
      Problems problems) {
    Report file = problems.file();
    JsonNode list = root.get(section);
    List<Item> items = new ArrayList<>();
    if (list == null || list.isNull()) {
      if (required) {
        file.error(section, "missing (expected: a list of " + section + ")");
      }
      return items;
    }
    if (!list.isArray()) {
      file.error(section, "expected a list, found " + Values.describe(list));
      return items;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode element = list.get(i);
      String index = section + "[" + i + "]";
      if (element instanceof ObjectNode object) {
        items.add(of(index, section, object));
      } else {
        problems.at(index).error("expected a mapping of fields, found " + Values.describe(element));
      }
    }
    return items;
  }

  private static Item of(String index, String section, ObjectNode object) {
    Optional<String> name = text(object, "name");
    if (name.isPresent()) {
      return new Item(index + " \"" + name.get() + "\"", object, name);
    }
    if (section.equals("connections")) {
      String from = text(object, "from_module").orElse("deployer");
      String to = text(object, "to_module").orElse("?");
      return new Item(index + " (" + from + " -> " + to + ")", object, name);
    }
    return new Item(index, object, name);
  }

  static Optional<String> text(ObjectNode object, String field) {
    JsonNode v = object.get(field);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }
}
