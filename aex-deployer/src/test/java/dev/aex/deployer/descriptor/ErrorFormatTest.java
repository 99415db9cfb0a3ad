package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages name file, item and field, say what was expected, and come all at once. */
class ErrorFormatTest {
  @Test
  void problemNamesFileItemFieldAndSuggestion() {
    Problem p = Fixture.error(Fixture.withModules(Fixture.NODE,
        "{type: native, name: a, node: n1}, {type: native, name: b, node: n1},"
            + "{type: native, name: controller, node: nl}"), "modules[2] \"controller\"", "node");
    assertThat(p).hasToString("test.yaml: modules[2] \"controller\": field \"node\": No node with "
        + "name \"nl\" (declared nodes: n1); did you mean \"n1\"?");
  }

  @Test
  void oneErrorIsOneToFix() {
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> Fixture.parse(Fixture.withModules(Fixture.NODE, "{type: native, name: a, node: nx}")));
    assertThat(e.getMessage()).startsWith("Bad deployment descriptor test.yaml (1 error; fix it"
        + " and run again):\n");
  }

  /** An ignored misspelt field may be why an error comes: the error's message lists it too. */
  @Test
  void aRejectedDescriptorListsItsWarningsAfterItsErrors() {
    String text = Fixture.withModules(Fixture.NODE, "{type: native, name: a, node: nx}")
        + "periodic_events: []\n";
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> Fixture.parse(text));
    assertThat(e.getMessage()).isEqualTo("Bad deployment descriptor test.yaml (1 error, 1"
        + " warning; fix them and run again):\n"
        + "  test.yaml: modules[0] \"a\": field \"node\": No node with name \"nx\" (declared"
        + " nodes: n1); did you mean \"n1\"?\n"
        + "  test.yaml: warning: field \"periodic_events\": unknown field, ignored; did you mean"
        + " \"periodic-events\"?");
    assertThat(e.problems()).hasSize(1);
  }

  @Test
  void warningsSayWarning() {
    Problem w = new Problem(Problem.Severity.WARNING, "d.json", "nodes[0] \"n\"",
        Optional.of("aesm_host"), "unknown field, ignored", Optional.empty());
    assertThat(w).hasToString("d.json: warning: nodes[0] \"n\": field \"aesm_host\": unknown "
        + "field, ignored");
  }

  @Test
  void everyErrorIsReportedInOnePassInFileOrder() {
    String text = Fixture.yaml("{type: native, name: n1, host: h, reactive_port: 0}",
        "{type: native, name: a, node: nx}",
        "{from_module: a, from_output: o, to_module: zz, to_input: i, encryption: aes}",
        "{module: a, entry: e, frequency: -1}");
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> Fixture.parse(text));
    List<String> where = e.problems().stream()
        .map(p -> p.item() + " " + p.field().orElseThrow()).toList();
    assertThat(where).containsExactly("nodes[0] \"n1\" reactive_port", "modules[0] \"a\" node",
        "connections[0] (a -> zz) to_module", "periodic-events[0] frequency");
    assertThat(e.getMessage()).startsWith("Bad deployment descriptor test.yaml (4 errors; fix them "
        + "and run again):\n  test.yaml: nodes[0] \"n1\": field \"reactive_port\": ");
    assertThat(e.file()).isEqualTo("test.yaml");
  }

  @Test
  void oneBadModuleDoesNotMakeItsConnectionsUnknown() {
    List<Problem> problems = Fixture.errors(Fixture.yaml(Fixture.NODE,
        "{type: native, name: a, node: n1, nonce: x}, {type: native, name: b, node: n1}",
        Fixture.CONNECTION, ""));
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).contains("nonce"));
  }

  @Test
  void expectedAndFoundAreBothStated() {
    Problem p = Fixture.error(Fixture.withNodes(
        "{type: native, name: n1, host: h, reactive_port: [5000]}"), "nodes[0] \"n1\"",
        "reactive_port");
    assertThat(p.message()).isEqualTo("expected a positive u16 (1..65535), found a list of 1 item");
  }

  @Test
  void longValuesAreShortened() {
    String longName = "x".repeat(100);
    Problem p = Fixture.error(Fixture.withNodes("{type: native, name: n1, host: h, reactive_port: '"
        + longName + "'}"), "nodes[0] \"n1\"", "reactive_port");
    assertThat(p.message()).contains("x".repeat(40) + "…").doesNotContain("x".repeat(41));
  }
}
