package dev.aex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example builds, and its descriptor and README name only what the modules have: each
 * module folder compiles with the module builder, its manifest's name is the descriptor's, and
 * every endpoint of every connection, and every entry, connection and update argument in the
 * README's commands, exists. This is what catches a renamed endpoint before a deployment does.
 */
class ExampleDescriptorsTest {
  /** Each example folder and its descriptor. */
  static final Map<String, String> DESCRIPTORS = Map.of(
      "fosdem", "native.json",
      "db-webserver", "descriptor.json",
      "ping-pong", "descriptor.json",
      "state-transfer", "descriptor.json");

  /** Not example or module folders: Maven's output, and what running an example leaves. */
  private static final Set<String> IGNORED = Set.of("target", "build");

  private static final Pattern CALL = Pattern.compile("--module (\\S+) --entry (\\S+)");
  private static final Pattern CONNECTION = Pattern.compile("--connection (\\S+)");
  private static final Pattern UPDATE =
      Pattern.compile("--module (\\S+) --entry (\\S+) --output (\\S+) --input (\\S+)");

  static Stream<String> examples() {
    return DESCRIPTORS.keySet().stream().sorted();
  }

  @Test
  void everyExampleFolderIsTested() throws IOException {
    try (Stream<Path> list = Files.list(Examples.root())) {
      Set<String> folders = new TreeSet<>(list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.equals("src") && !IGNORED.contains(name))
          .toList());
      assertThat(folders).isEqualTo(new TreeSet<>(DESCRIPTORS.keySet()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyConnectionNamesEndpointsTheModulesHave(String example) throws IOException {
    JsonNode descriptor = descriptor(example);
    List<String> problems = new ArrayList<>();
    for (JsonNode connection : descriptor.get("connections")) {
      String name = connection.path("name").asText("(unnamed)");
      boolean direct = connection.path("direct").asBoolean(false);
      if (direct) {
        assertThat(connection.has("from_module")).as("direct connection %s has no source", name).isFalse();
      } else {
        check(problems, example, name, connection, "from_module", "from_output", "outputs");
        check(problems, example, name, connection, "from_module", "from_request", "requests");
      }
      check(problems, example, name, connection, "to_module", "to_input", "inputs");
      check(problems, example, name, connection, "to_module", "to_handler", "handlers");
      boolean requestHandler = connection.has("to_handler");
      assertThat(connection.has(requestHandler ? "from_output" : "from_request"))
          .as("connection %s mixes output/input with request/handler", name).isFalse();
      assertThat(connection.get("encryption").asText()).isEqualTo("aes");
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyModuleHasItsFolderAndEveryFolderItsModule(String example) throws IOException {
    JsonNode descriptor = descriptor(example);
    Set<String> nodes = new HashSet<>();
    for (JsonNode node : descriptor.get("nodes")) {
      assertThat(node.get("type").asText()).isEqualTo("native");
      assertThat(node.get("host").asText()).isEqualTo("127.0.0.1");
      nodes.add(node.get("name").asText());
    }
    Set<String> folders = new TreeSet<>();
    for (JsonNode module : descriptor.get("modules")) {
      String name = module.get("name").asText();
      assertThat(module.get("type").asText()).isEqualTo("native");
      assertThat(nodes).as("node of %s", name).contains(module.get("node").asText());
      String folder = module.path("folder").asText(name);
      folders.add(folder);
      assertThat(Examples.module(example, folder).name()).as("manifest name of %s", folder).isEqualTo(name);
    }
    try (Stream<Path> list = Files.list(Examples.root().resolve(example))) {
      assertThat(new TreeSet<>(list.filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(name -> !IGNORED.contains(name))
              .toList()))
          .isEqualTo(folders);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theReadmeCommandsNameWhatExists(String example) throws IOException {
    String readme = Files.readString(Examples.root().resolve(example).resolve("README.md"));
    JsonNode descriptor = descriptor(example);
    Set<String> connections = new HashSet<>();
    descriptor.get("connections").forEach(c -> connections.add(c.path("name").asText()));

    assertThat(readme).contains("```mermaid").contains(DESCRIPTORS.get(example));
    Matcher connection = CONNECTION.matcher(readme);
    while (connection.find()) {
      assertThat(connections).as("README of %s: --connection", example).contains(connection.group(1));
    }
    Matcher call = CALL.matcher(readme);
    while (call.find()) {
      assertThat(module(descriptor, example, call.group(1)).find("entries", call.group(2)))
          .as("README of %s: --module %s --entry %s", example, call.group(1), call.group(2)).isPresent();
    }
    Matcher update = UPDATE.matcher(readme);
    while (update.find()) {
      ExampleModule module = module(descriptor, example, update.group(1));
      assertThat(module.find("entries", update.group(2))).as("update --entry").isPresent();
      assertThat(module.find("outputs", update.group(3))).as("update --output").isPresent();
      assertThat(module.find("inputs", update.group(4))).as("update --input").isPresent();
    }
  }

  private static void check(List<String> problems, String example, String connection, JsonNode c,
      String moduleField, String endpointField, String kind) {
    if (!c.has(endpointField)) {
      return;
    }
    String endpoint = c.get(endpointField).asText();
    ExampleModule module = module(descriptorOrFail(example), example, c.get(moduleField).asText());
    if (module.find(kind, endpoint).isEmpty()) {
      problems.add(example + ": connection " + connection + ": " + module.name() + " has no "
          + kind.substring(0, kind.length() - 1) + " " + endpoint + " (its " + kind + ": "
          + module.endpoints(kind).keySet() + ")");
    }
  }

  private static ExampleModule module(JsonNode descriptor, String example, String name) {
    for (JsonNode module : descriptor.get("modules")) {
      if (module.get("name").asText().equals(name)) {
        return Examples.module(example, module.path("folder").asText(name));
      }
    }
    throw new AssertionError(example + ": no module " + name + " in the descriptor");
  }

  static JsonNode descriptor(String example) throws IOException {
    return ExampleModule.JSON.readTree(Examples.root().resolve(example).resolve(DESCRIPTORS.get(example)).toFile());
  }

  private static JsonNode descriptorOrFail(String example) {
    try {
      return descriptor(example);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
