package dev.aex.deployer.descriptor;

import static dev.aex.deployer.descriptor.Fixture.errors;
import static dev.aex.deployer.descriptor.Fixture.load;
import static dev.aex.deployer.descriptor.Fixture.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file and its top level (deployer-reference.md §2.1). */
class TopLevelTest {
  @Test
  void jsonIsDetectedFirst() throws Exception {
    assertThat(reader().parse("x.yaml", "{\"nodes\": [], \"modules\": []}").format())
        .isEqualTo(DescriptorFormat.JSON);
  }

  @Test
  void yamlIsDetectedWhateverTheExtension() throws Exception {
    assertThat(reader().parse("x.json", "nodes: []\nmodules: []\n").format())
        .isEqualTo(DescriptorFormat.YAML);
  }

  @Test
  void currentIdsAreRead() throws Exception {
    Descriptor d = Fixture.parse("nodes: []\nmodules: []\nconnections_current_id: 4\n"
        + "events_current_id: 2\n");
    assertThat(d.connectionsCurrentId()).isEqualTo(4);
    assertThat(d.eventsCurrentId()).isEqualTo(2);
  }

  @Test
  void missingFileIsReportedAsTheOriginalDoes(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> reader().read(missing)).isInstanceOf(DescriptorException.class)
        .hasMessage(missing + ": Input file " + missing + " does not exist");
  }

  @Test
  void neitherJsonNorYamlNamesBothParsers(@TempDir Path dir) throws Exception {
    assertThat(readerMessage(dir.resolve("bad.json"), "{\"nodes\": [\n  - x: : y\n"))
        .contains("is not a JSON, nor a YAML", "as JSON, ", "line 2", "; as YAML, ");
  }

  /** Hiding long tokens cut the JSON parser's message between two quoted words. */
  @Test
  void aParserMessageIsShownWhole(@TempDir Path dir) throws Exception {
    assertThat(readerMessage(dir.resolve("app.yaml"),
        "nodes: []\nmodules: [{name: x, node: n1 type: native]\n"))
        .contains("as JSON, Unrecognized token 'nodes': was expecting (JSON String, Number, Array,"
            + " Object or token 'null', 'true' or 'false') at line 1");
  }

  /** The reader's message for {@code file} written with {@code text}, which it refuses. */
  private static String readerMessage(Path file, String text) throws Exception {
    Files.writeString(file, text);
    return catchThrowableOfType(DescriptorException.class, () -> reader().read(file))
        .getMessage();
  }

  /** A YAML parser's problem, not only its context, and where the problem is. */
  @Test
  void aTabIndentingYamlIsNamedWhereItIs() {
    assertThat(errors("nodes:\n\t- type: native\n")).singleElement()
        .satisfies(p -> assertThat(p.message())
            .contains("as YAML, while scanning for the next token: found character '\\t(TAB)'"
                + " that cannot start any token. (Do not use \\t(TAB) for indentation) at line 2,"
                + " column 1"));
  }

  @Test
  void anUnclosedArraySaysWhereItStartedInPlainWords() {
    assertThat(errors("{\"nodes\": [\n")).singleElement()
        .satisfies(p -> assertThat(p.message())
            .contains("expected close marker for Array (start marker at line 1, column 11)")
            .doesNotContain("Source:", "REDACTED"));
  }

  /** The file's name comes first, once (it was said twice). */
  @Test
  void emptyFileIsAnError(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.json");
    assertThat(readerMessage(empty, "  \n")).isEqualTo(empty + ": the file is empty (expected: a"
        + " JSON or YAML descriptor)");
  }

  /** A byte order mark alone is no document either (it was "a YAML document, but  instead"). */
  @Test
  void aFileOfOnlyAByteOrderMarkIsEmpty(@TempDir Path dir) throws Exception {
    Path bom = dir.resolve("bom.yaml");
    assertThat(readerMessage(bom, "\uFEFF\n")).isEqualTo(bom + ": the file is empty (expected: a"
        + " JSON or YAML descriptor)");
  }

  /** A binary file said "Input length = 1", the JDK decoder's words. */
  @Test
  void aFileThatIsNotUtf8TextSaysSo(@TempDir Path dir) throws Exception {
    Path garbage = dir.resolve("garbage.json");
    Files.write(garbage, new byte[] {'{', (byte) 0xff, (byte) 0xfe, 0, 1});
    assertThatThrownBy(() -> reader().read(garbage)).isInstanceOf(DescriptorException.class)
        .hasMessage(garbage + ": the file is not UTF-8 text (expected: a JSON or YAML descriptor;"
            + " a binary or damaged file?)");
  }

  @Test
  void topLevelMustBeAMapping() {
    assertThat(errors("- nodes\n- modules\n")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("instead of a mapping"));
    assertThat(errors("[1, 2]")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("expected a mapping with nodes and modules"));
  }

  @Test
  void nodesAndModulesAreRequired() {
    List<Problem> problems = errors("connections: []\n");
    assertThat(problems).extracting(p -> p.field().orElseThrow())
        .containsExactlyInAnyOrder("nodes", "modules");
    assertThat(problems).allSatisfy(p -> assertThat(p.item()).isEmpty());
  }

  @Test
  void listsMustBeLists() {
    assertThat(errors("nodes: {}\nmodules: []\nconnections: 3\n"))
        .extracting(p -> p.field().orElseThrow()).containsExactlyInAnyOrder("nodes", "connections");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(errors("{\"nodes\": [], \"modules\": [], \"nodes\": []}")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Duplicate field 'nodes'"));
  }

  @Test
  void unknownTopLevelKeyIsAWarningWithASuggestion() throws Exception {
    List<Problem> warnings = load("nodes: []\nmodules: []\nperiodic_events: []\n").warnings();
    assertThat(warnings).singleElement().satisfies(w -> {
      assertThat(w.field()).contains("periodic_events");
      assertThat(w.suggestion()).contains("periodic-events");
    });
  }

  @Test
  void currentIdsMustBeNonNegative() {
    assertThat(errors("nodes: []\nmodules: []\nconnections_current_id: -1\n")).singleElement()
        .satisfies(p -> assertThat(p.field()).contains("connections_current_id"));
  }

  @Test
  void outputOptionIsJsonOrYaml() {
    assertThat(DescriptorFormat.fromOption("YAML")).isEqualTo(DescriptorFormat.YAML);
    assertThatThrownBy(() -> DescriptorFormat.fromOption("toml"))
        .hasMessageContaining("Bad deployment descriptor type: toml (expected: json or yaml)");
  }
}
