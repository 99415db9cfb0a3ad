package dev.aex.deployer.descriptor;

import static dev.aex.deployer.descriptor.Fixture.error;
import static dev.aex.deployer.descriptor.Fixture.errors;
import static dev.aex.deployer.descriptor.Fixture.parse;
import static dev.aex.deployer.descriptor.Fixture.withConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aex.wire.payload.Encryption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection rules (deployer-reference.md §2.2 default/connection.yaml, §2.5). */
class ConnectionRulesTest {
  private static final String AB = "connections[0] (a -> b)";

  @Test
  void outputToInput() throws Exception {
    Connection c = parse(withConnections(Fixture.CONNECTION)).connections().get(0);
    assertThat(c.source()).contains(ModuleEndpoint.output("a", EndpointRef.of("out")));
    assertThat(c.target()).isEqualTo(ModuleEndpoint.input("b", EndpointRef.of("in")));
    assertThat(c.encryption()).isEqualTo(Encryption.AES);
    assertThat(c.direct()).isFalse();
  }

  @Test
  void requestToHandlerWithNumericIdsAndAnyCaseEncryption() throws Exception {
    Connection c = parse(withConnections("{from_module: a, from_request: 32768, to_module: b, "
        + "to_handler: 49152, encryption: SPONGENT}")).connections().get(0);
    assertThat(c.source()).contains(ModuleEndpoint.request("a", EndpointRef.of(32768)));
    assertThat(c.target()).isEqualTo(ModuleEndpoint.handler("b", EndpointRef.of(49152)));
    assertThat(c.encryption()).isEqualTo(Encryption.SPONGENT);
  }

  @Test
  void directConnectionsToInputAndHandler() throws Exception {
    List<Connection> cs = parse(withConnections(
        "{name: d1, direct: true, to_module: b, to_input: in, encryption: aes},"
            + "{name: d2, direct: true, to_module: b, to_handler: h, encryption: aes}"))
        .connections();
    assertThat(cs).allMatch(Connection::direct);
    assertThat(cs.get(1).target().kind()).isEqualTo(EndpointKind.HANDLER);
  }

  @Test
  void establishedConnectionWithEverythingParses() throws Exception {
    Connection c = parse(withConnections("{name: c, from_module: a, from_output: o, to_module: b,"
        + " to_input: i, encryption: aes, key: '000102030405060708090a0b0c0d0e0f', id: 4, "
        + "nonce: 9, direct: false, established: true}")).connections().get(0);
    assertThat(c.established()).isTrue();
    assertThat(c.id()).contains(4);
    assertThat(c.nonce()).isEqualTo(9);
  }

  @Test
  void toModuleIsRequired() {
    error(withConnections("{from_module: a, from_output: o, to_input: i, encryption: aes}"),
        "connections[0] (a -> ?)", "to_module");
  }

  @Test
  void encryptionIsRequiredAndItsMessageNamesTheValues() {
    Problem p = error(withConnections("{from_module: a, from_output: o, to_module: b, to_input: i}"),
        AB, "encryption");
    assertThat(p.message()).isEqualTo("missing (expected: aes or spongent)");
  }

  @Test
  void unknownEncryptionSuggestsTheClosest() {
    Problem p = error(withConnections(
        "{from_module: a, from_output: o, to_module: b, to_input: i, encryption: aess}"), AB,
        "encryption");
    assertThat(p.message()).contains("No matching encryption type for \"aess\"");
    assertThat(p.suggestion()).contains("aes");
  }

  @Test
  void establishedMustBeABool() {
    error(withConnections("{from_module: a, from_output: o, to_module: b, to_input: i, "
        + "encryption: aes, established: 1}"), AB, "established");
  }

  @Test
  void sourceModuleOrDirectIsRequired() {
    Problem p = error(withConnections("{to_module: b, to_input: i, encryption: aes}"),
        "connections[0] (deployer -> b)", "from_module");
    assertThat(p.message()).contains("direct: true");
  }

  @Test
  void directConnectionHasNoSourceModule() {
    error(withConnections(
        "{direct: true, from_module: a, to_module: b, to_input: i, encryption: aes}"), AB,
        "from_module");
  }

  @Test
  void sourceNeedsExactlyOneOfOutputAndRequest() {
    error(withConnections("{from_module: a, to_module: b, to_input: i, encryption: aes}"), AB,
        "from_output");
    assertThat(errors(withConnections("{from_module: a, from_output: o, from_request: r, "
        + "to_module: b, to_input: i, encryption: aes}")))
        .anySatisfy(p -> assertThat(p.field()).contains("from_request"));
  }

  @Test
  void targetNeedsExactlyOneOfInputAndHandler() {
    error(withConnections("{from_module: a, from_output: o, to_module: b, encryption: aes}"), AB,
        "to_input");
    assertThat(errors(withConnections("{direct: true, to_module: b, to_input: i, to_handler: h, "
        + "encryption: aes}"))).anySatisfy(p -> assertThat(p.field()).contains("to_handler"));
  }

  @Test
  void outputPairsWithInputAndRequestWithHandler() {
    assertThat(error(withConnections("{from_module: a, from_output: o, to_module: b, "
        + "to_handler: h, encryption: aes}"), AB, "to_handler").message())
        .contains("an output connects to an input");
    assertThat(error(withConnections("{from_module: a, from_request: r, to_module: b, "
        + "to_input: i, encryption: aes}"), AB, "to_input").message())
        .contains("a request connects to a handler");
  }

  @Test
  void establishedNeedsKeyNonceIdNameAndDirect() {
    Problem p = error(withConnections("{from_module: a, from_output: o, to_module: b, "
        + "to_input: i, encryption: aes, established: true}"), AB, "established");
    assertThat(p.message()).contains("missing: key, nonce, id, name, direct");
  }

  @Test
  void aModuleCannotConnectToItself() {
    Problem p = error(withConnections(
        "{from_module: a, from_output: o, to_module: a, to_input: i, encryption: aes}"),
        "connections[0] (a -> a)", "to_module");
    assertThat(p.message()).contains("from module \"a\" to itself");
  }

  @Test
  void unknownFieldsAreErrorsWithASuggestion() {
    Problem p = error(withConnections(
        "{from_module: a, from_output: o, to_module: b, to_inptu: i, to_input: i, encryption: aes}"),
        AB, "to_inptu");
    assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(p.suggestion()).contains("to_input");
  }

  @Test
  void unknownModuleSuggestsTheClosest() {
    Problem p = error(withConnections(
        "{from_module: aa, from_output: o, to_module: b, to_input: i, encryption: aes}"),
        "connections[0] (aa -> b)", "from_module");
    assertThat(p.message()).contains("No module with name \"aa\"", "declared modules: a, b");
    assertThat(p.suggestion()).contains("a");
  }

  /** A native module a, and a module t of {@code type} on its own node, connected by {@code c}. */
  private static String mixed(String type, String tModule, String connection) {
    return Fixture.yaml(Fixture.NODE + ", {type: " + type + ", name: t1, host: h, "
        + "reactive_port: 1236, vendor_id: 1, vendor_key: '0b7bf3ae40880a8be430d0da34fb76f0'}",
        "{type: native, name: a, node: n1}, {type: " + type + ", name: t, node: t1" + tModule + "}",
        connection, "");
  }

  /**
   * A connection's Connect tells the source's node the target's node address in 4 bytes: a target
   * on an IPv6 node is refused when the file is read, not after deploying and attesting. Direct
   * connections send no Connect, so they may reach one.
   */
  @Test
  void aConnectionToAModuleOnAnIpv6NodeIsRefused() throws Exception {
    // Hosts as written (IP literals stay so with the system resolver too).
    DescriptorReader reader = DescriptorReader.create().withHostResolver(HostResolver.unresolved());
    String nodes = Fixture.NODE + ", {type: native, name: v6, host: '::1', reactive_port: 6000}";
    String modules = "{type: native, name: a, node: n1}, {type: native, name: b, node: v6}";
    DescriptorException e = catchThrowableOfType(DescriptorException.class, () -> reader
        .parse("test.yaml", Fixture.yaml(nodes, modules, Fixture.CONNECTION, "")));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.item()).isEqualTo(AB);
      assertThat(p.field()).contains("to_module");
      assertThat(p.message()).isEqualTo("module b runs on node v6, whose host ::1 is an IPv6"
          + " address, and the Connect message carries IPv4 addresses only: give node v6 an"
          + " IPv4 host");
    });
    assertThat(reader.parse("test.yaml", Fixture.yaml(nodes, modules,
        "{name: d, direct: true, to_module: b, to_input: in, encryption: aes}", ""))
        .descriptor().connections()).hasSize(1);
  }

  @Test
  void sancusModulesSpeakSpongentOnly() {
    Problem p = error(mixed("sancus", ", files: []",
        "{from_module: a, from_output: o, to_module: t, to_input: 0, encryption: aes}"),
        "connections[0] (a -> t)", "encryption");
    assertThat(p.message()).contains("Encryption aes not supported between a and t");
  }

  @Test
  void onlyNativeAndSgxModulesHaveHandlers() {
    Problem p = error(mixed("trustzone", "",
        "{from_module: a, from_request: r, to_module: t, to_handler: h, encryption: aes}"),
        "connections[0] (a -> t)", "to_handler");
    assertThat(p.message()).contains("Request/handler messages not supported for module \"t\"");
  }

  @Test
  void duplicateNamesAndIdsAreErrors() {
    List<Problem> problems = errors(withConnections(
        "{name: c, id: 1, from_module: a, from_output: o, to_module: b, to_input: i, encryption: aes},"
            + "{name: c, id: 1, from_module: a, from_output: o, to_module: b, to_input: i, "
            + "encryption: aes}"));
    assertThat(problems).extracting(p -> p.field().orElseThrow())
        .containsExactlyInAnyOrder("name", "id");
  }

  @Test
  void endpointMustBeANameOrAnId() {
    Problem p = error(withConnections(
        "{from_module: a, from_output: [o], to_module: b, to_input: i, encryption: aes}"), AB,
        "from_output");
    assertThat(p.message()).contains("an endpoint name or an id 0..65535", "a list of 1 item");
  }

  @Test
  void connectionKeyMustBe16Bytes() {
    Problem p = error(withConnections("{from_module: a, from_output: o, to_module: b, "
        + "to_input: i, encryption: aes, key: 'abcdef'}"), AB, "key");
    assertThat(p.message()).doesNotContain("abcdef");
  }
}
