package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.deployer.descriptor.internal.FileFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Result files round-trip every field: read(write(d)) equals d, in both formats. */
class RoundTripTest {
  private static final int SAMPLES = 300;

  private static Descriptor roundTrip(Descriptor d, DescriptorFormat format) throws Exception {
    String text = DescriptorWriter.render(d, format);
    LoadedDescriptor back = Fixture.reader().parse("result." + format.optionName(), text);
    assertThat(back.format()).isEqualTo(format);
    return back.descriptor();
  }

  @ParameterizedTest
  @EnumSource(DescriptorFormat.class)
  void randomDescriptorsRoundTrip(DescriptorFormat format) throws Exception {
    RandomDescriptors random = new RandomDescriptors(42);
    for (int i = 0; i < SAMPLES; i++) {
      Descriptor d = random.next();
      assertThat(roundTrip(d, format)).as("sample %d", i).isEqualTo(d);
    }
  }

  @ParameterizedTest
  @EnumSource(DescriptorFormat.class)
  void randomPlannedDescriptorsRoundTrip(DescriptorFormat format) throws Exception {
    RandomDescriptors random = new RandomDescriptors(7);
    Planner planner = new Planner(Seeded.random(7));
    for (int i = 0; i < SAMPLES; i++) {
      Descriptor planned = planner.plan(random.next());
      assertThat(roundTrip(planned, format)).as("sample %d", i).isEqualTo(planned);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"button-led.json", "smart-home.json", "fosdem-21-complete.json",
      "rt21-sancus-periodic.json", "crypto-native-optee.json", "module-update-no-sancus.json"})
  void plannedExamplesRoundTripInBothFormats(String file) throws Exception {
    Descriptor planned = new Planner(Seeded.random(1)).plan(Fixture.example(file).descriptor());
    for (DescriptorFormat format : DescriptorFormat.values()) {
      assertThat(roundTrip(planned, format)).isEqualTo(planned);
    }
  }

  @Test
  void resultHasEveryFieldOfTheOriginalInItsOrder() throws Exception {
    Descriptor planned = new Planner(Seeded.random(1))
        .plan(Fixture.example("button-led.json").descriptor());
    JsonNode tree = new ObjectMapper().readTree(DescriptorWriter.render(planned, DescriptorFormat.JSON));
    assertThat(names(tree)).containsExactly("manager", "nodes", "modules",
        "connections_current_id", "connections", "events_current_id", "periodic-events");
    assertThat(names(tree.get("nodes").get(0))).containsExactly("type", "name", "host",
        "reactive_port", "deploy_port", "module_id", "aesm_host", "aesm_port");
    assertThat(names(tree.get("nodes").get(1))).containsExactly("type", "name", "host",
        "vendor_id", "vendor_key", "reactive_port", "deploy_port");
    assertThat(names(tree.get("nodes").get(3))).containsExactly("type", "name", "host",
        "reactive_port", "deploy_port", "vendor_id", "node_key", "vendor_key", "module_id");
    assertThat(names(tree.get("modules").get(0))).containsExactly("type", "name", "node",
        "old_node", "priority", "deployed", "nonce", "attested", "vendor_key", "ra_settings",
        "features", "id", "binary", "sgxs", "signature", "key", "data", "folder", "port");
    assertThat(names(tree.get("modules").get(2))).containsExactly("type", "name", "node",
        "old_node", "priority", "deployed", "nonce", "attested", "binary", "id", "uuid", "key",
        "data", "folder");
    assertThat(names(tree.get("modules").get(3))).containsExactly("type", "name", "node",
        "old_node", "priority", "deployed", "nonce", "attested", "files", "cflags", "ldflags",
        "binary", "id", "symtab", "key", "deploy_name");
    assertThat(names(tree.get("connections").get(0))).containsExactly("name", "from_module",
        "from_output", "from_request", "to_module", "to_input", "to_handler", "encryption", "key",
        "id", "nonce", "direct", "established");
    assertThat(tree.get("modules").get(0).get("priority").isNull()).isTrue();
    assertThat(tree.get("connections").get(4).get("from_module").isNull()).isTrue();
  }

  @Test
  void nativeModuleFieldsAndEventsAreWritten() throws Exception {
    Descriptor planned = new Planner(Seeded.random(1))
        .plan(Fixture.example("fosdem-21-native.json").descriptor());
    JsonNode tree = new ObjectMapper().readTree(DescriptorWriter.render(planned, DescriptorFormat.JSON));
    assertThat(names(tree.get("modules").get(0))).containsExactly("type", "name", "node",
        "old_node", "priority", "deployed", "nonce", "attested", "features", "id", "binary", "key",
        "data", "folder", "port");
    assertThat(tree.get("manager").get("key")).hasSize(16);
    Descriptor withEvent = new Planner(Seeded.random(1))
        .plan(Fixture.example("rt21-sancus-periodic.json").descriptor());
    JsonNode event = new ObjectMapper().readTree(DescriptorWriter.render(withEvent,
        DescriptorFormat.JSON)).get("periodic-events").get(0);
    assertThat(names(event)).containsExactly("name", "id", "module", "entry", "frequency",
        "established");
    assertThat(event.get("name").asText()).isEqualTo("event0");
  }

  @Test
  void writeReplacesTheFileWhole(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("res.json");
    Files.writeString(file, "old");
    Descriptor d = Fixture.example("db-webserver.json").descriptor();
    DescriptorWriter.write(d, DescriptorFormat.JSON, file);
    assertThat(Fixture.reader().read(file).descriptor()).isEqualTo(d);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /** The error named only the temporary file it could not create beside the result. */
  @Test
  void writeIntoAMissingFolderSaysSo(@TempDir Path dir) throws Exception {
    Descriptor d = Fixture.example("db-webserver.json").descriptor();
    Path file = dir.resolve("missing/res.json");
    assertThatThrownBy(() -> DescriptorWriter.write(d, DescriptorFormat.JSON, file))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessage(file + ": folder " + dir.resolve("missing") + " does not exist");
  }

  /** A full disk said only "ERROR: No space left on device" at the end of attest or deploy. */
  @Test
  void aFailedSaveNamesTheFileOnce() {
    Path file = Path.of("/results/res.json");
    assertThat(FileFailures.naming(file, new IOException("No space left on device")))
        .hasMessage(file + ": No space left on device");
    IOException named = new java.nio.file.NoSuchFileException(file.toString(), null, "gone");
    assertThat(FileFailures.naming(file, named)).isSameAs(named);
  }

  @Test
  void jsonLooksLikeTheOriginals() {
    String json = DescriptorWriter.render(new Descriptor(java.util.Optional.empty(), List.of(),
        List.of(), 0, List.of(), 0, List.of()), DescriptorFormat.JSON);
    assertThat(json).isEqualTo("""
        {
            "manager": null,
            "nodes": [],
            "modules": [],
            "connections_current_id": 0,
            "connections": [],
            "events_current_id": 0,
            "periodic-events": []
        }
        """);
  }

  /**
   * YAML with its keys sorted, as PyYAML writes it by default, and every string quoted: a name
   * that YAML 1.1 would read as a number, a date, a merge key or a value tag stays a string
   * (unquoted, PyYAML's safe_load read 1:20 as 80 and refused =).
   */
  @Test
  void yamlHasSortedKeysAndQuotedStrings() throws Exception {
    Descriptor d = Fixture.parse("""
        {"nodes": [{"type": "native", "name": "1:20", "host": "127.0.0.1", "reactive_port": 5000}],
         "modules": [{"type": "native", "name": "2001-01-01", "node": "1:20", "deployed": true,
                      "id": 1, "key": "12345678901234567890123456789012", "folder": "="},
                     {"type": "native", "name": "<<", "node": "1:20"}]}
        """);
    String yaml = DescriptorWriter.render(d, DescriptorFormat.YAML);
    assertThat(yaml).startsWith("""
        connections: []
        connections_current_id: 0
        events_current_id: 0
        manager: null
        modules:
        - attested: null
          binary: null
          data: null
          deployed: true
          features: []
          folder: "="
          id: 1
          key: "12345678901234567890123456789012"
          name: "2001-01-01"
          node: "1:20"
          nonce: 0
          old_node: "1:20"
          port: null
          priority: null
          type: "native"
        """).contains("name: \"<<\"");
    assertThat(roundTrip(d, DescriptorFormat.YAML)).isEqualTo(d);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
