package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input never crashes the reader: every field of every item of real descriptors, removed or
 * replaced by a value of another type or out of range, gives a {@link DescriptorException} (or a
 * valid descriptor), never another exception.
 */
class MutationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<JsonNode> REPLACEMENTS = List.of(F.nullNode(), F.numberNode(0),
      F.numberNode(-1), F.numberNode(70_000), F.numberNode(1L << 40), F.numberNode(1.5),
      F.textNode(""), F.textNode("x".repeat(50)), F.booleanNode(true), F.arrayNode(),
      F.objectNode(), F.arrayNode().add(1));

  @ParameterizedTest
  @ValueSource(strings = {"button-led.json", "fosdem-21-complete.json", "smart-home.json",
      "crypto-native-optee.json", "rt21-sancus-periodic.json", "button-led-no-sancus.json"})
  void everyMutationIsReportedNotThrown(String file) throws Exception {
    JsonNode original = JSON.readTree(Fixture.resource("examples/" + file));
    int mutations = 0;
    for (ObjectNode item : items(original)) {
      for (String field : fieldNames(item)) {
        JsonNode kept = item.get(field);
        item.remove(field);
        check(file, original, field + " removed");
        for (JsonNode replacement : REPLACEMENTS) {
          item.set(field, replacement);
          check(file, original, field + " = " + replacement);
          mutations++;
        }
        item.set(field, kept);
      }
    }
    assertThat(mutations).isGreaterThan(100);
  }

  private static void check(String file, JsonNode tree, String mutation) {
    try {
      Fixture.reader().parse(file, tree.toString());
    } catch (DescriptorException expected) {
      assertThat(expected.problems()).isNotEmpty();
    } catch (RuntimeException e) {
      fail(file + " with " + mutation + " crashed the reader", e);
    }
  }

  private static List<ObjectNode> items(JsonNode root) {
    List<ObjectNode> items = new ArrayList<>();
    items.add((ObjectNode) root);
    for (String section : List.of("nodes", "modules", "connections", "periodic-events")) {
      root.path(section).forEach(i -> items.add((ObjectNode) i));
    }
    if (root.path("manager").isObject()) {
      items.add((ObjectNode) root.get("manager"));
    }
    return items;
  }

  private static List<String> fieldNames(ObjectNode item) {
    List<String> names = new ArrayList<>();
    item.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
