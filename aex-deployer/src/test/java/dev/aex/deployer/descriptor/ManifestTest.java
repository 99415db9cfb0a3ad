package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module manifests of the module SDK (the golden files of aex-module-processor) and the endpoint
 * checks they enable: misspelt inputs and outputs are errors with a suggestion.
 */
class ManifestTest {
  private static ModuleManifestLookup manifests;

  @BeforeAll
  static void readGoldenManifests() throws DescriptorException {
    manifests = ModuleManifestLookup.byManifestName(List.of(
        ModuleManifestReader.parse("controller", Fixture.resource("manifests/controller-module.json")),
        ModuleManifestReader.parse("db", Fixture.resource("manifests/db-module.json"))));
  }

  private static List<Problem> errors(String connections) {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: controller, node: n1},"
        + "{type: native, name: db, node: n1}", connections, "");
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> Fixture.reader().withManifests(manifests).parse("test.yaml", text));
    assertThat(e).isNotNull();
    return e.problems();
  }

  private static Problem error(String connections, String field) {
    List<Problem> problems = errors(connections);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).field()).contains(field);
    return problems.get(0);
  }

  @Test
  void manifestGivesEveryEndpointWithItsId() throws Exception {
    ModuleData db = manifests.find("db").orElseThrow().endpoints();
    assertThat(db.id(EndpointKind.INPUT, "increment_presses")).contains(0);
    assertThat(db.id(EndpointKind.HANDLER, "get_presses")).contains(49152);
    assertThat(db.id(EndpointKind.ENTRY, "init")).contains(5);
    assertThat(manifests.find("controller").orElseThrow().endpoints()
        .id(EndpointKind.OUTPUT, "increment_presses")).contains(16385);
  }

  @Test
  void correctNamesPass() throws Exception {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: controller, node: n1},"
        + "{type: native, name: db, node: n1}",
        "{from_module: controller, from_output: increment_presses, to_module: db, "
            + "to_input: increment_presses, encryption: aes},"
            + "{name: get, direct: true, to_module: db, to_handler: get_presses, encryption: aes}",
        "{module: db, entry: init, frequency: 100}");
    assertThat(Fixture.reader().withManifests(manifests).parse("t.yaml", text).descriptor()
        .connections()).hasSize(2);
  }

  @Test
  void misspeltOutputSuggestsTheRightName() {
    Problem p = error("{from_module: controller, from_output: toggle_lde, to_module: db, "
        + "to_input: increment_presses, encryption: aes}", "from_output");
    assertThat(p.message()).contains("module \"controller\" has no output named \"toggle_lde\"",
        "its outputs: toggle_led, increment_presses");
    assertThat(p.suggestion()).contains("toggle_led");
  }

  @Test
  void misspeltInputSuggestsTheRightName() {
    Problem p = error("{from_module: controller, from_output: toggle_led, to_module: db, "
        + "to_input: increment_presess, encryption: aes}", "to_input");
    assertThat(p.suggestion()).contains("increment_presses");
  }

  @Test
  void anEndpointOfTheWrongKindIsNamed() {
    Problem p = error("{name: x, direct: true, to_module: db, to_input: get_presses, "
        + "encryption: aes}", "to_input");
    assertThat(p.message()).contains("\"get_presses\" is a handler");
  }

  @Test
  void unknownEntryOfAnEventIsAnError() {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: db, node: n1}", "",
        "{module: db, entry: inti, frequency: 100}");
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> Fixture.reader().withManifests(manifests).parse("t.yaml", text));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).contains("entry");
      assertThat(p.suggestion()).contains("init");
    });
  }

  @Test
  void numericEndpointsAreNotChecked() throws Exception {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: controller, node: n1},"
        + "{type: native, name: db, node: n1}",
        "{name: x, direct: true, to_module: db, to_input: 7, encryption: aes}", "");
    assertThat(Fixture.reader().withManifests(manifests).parse("t.yaml", text).descriptor()
        .connections()).hasSize(1);
  }

  @Test
  void resultDataIsUsedWhenThereIsNoManifest() {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: a, node: n1, "
        + "data: {inputs: {go: 0}, outputs: {}, entrypoints: {}, handlers: {}, requests: {}}}",
        "{name: x, direct: true, to_module: a, to_input: og, encryption: aes}", "");
    assertThat(Fixture.errors(text)).singleElement().satisfies(p -> {
      assertThat(p.field()).contains("to_input");
      assertThat(p.message()).contains("its inputs: go");
    });
  }

  /** A result writes a direct connection's from_module as null; it is checked all the same. */
  @Test
  void aDirectConnectionAsAResultWritesItIsChecked() {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: a, node: n1, "
        + "data: {inputs: {go: 0}, outputs: {}, entrypoints: {}, handlers: {}, requests: {}}}",
        "{name: x, direct: true, from_module: null, from_output: null, to_module: a,"
            + " to_input: og, encryption: aes}", "");
    assertThat(Fixture.errors(text)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("its inputs: go"));
  }

  /**
   * An established connection's names were resolved when it was established: a module rebuilt
   * since (an update renaming an input along with the result file) may name them otherwise.
   */
  @Test
  void anEstablishedConnectionsNamesAreNotCheckedAgain() throws Exception {
    String text = Fixture.yaml(Fixture.NODE, "{type: native, name: a, node: n1, "
        + "data: {inputs: {go: 0}, outputs: {}, entrypoints: {}, handlers: {}, requests: {}}}",
        "{name: x, direct: true, to_module: a, to_input: renamed, encryption: aes,"
            + " established: true, id: 0, nonce: 2, key: 000102030405060708090a0b0c0d0e0f}", "");
    assertThat(Fixture.parse(text).connections()).hasSize(1);
  }

  @Test
  void badManifestIsRejectedWithItsProblems() {
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> ModuleManifestReader.parse("m.json",
            "{\"inputs\": [{\"name\": \"a\", \"id\": 0}, {\"name\": \"a\", \"id\": 1}]}"));
    assertThat(e.problems()).extracting(p -> p.field().orElseThrow())
        .containsExactlyInAnyOrder("name", "inputs[1]");
    assertThat(e.getMessage()).startsWith("Bad module manifest m.json");
  }
}
