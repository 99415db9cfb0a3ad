package dev.aex.deployer.descriptor;

import static dev.aex.deployer.descriptor.Fixture.error;
import static dev.aex.deployer.descriptor.Fixture.errors;
import static dev.aex.deployer.descriptor.Fixture.find;
import static dev.aex.deployer.descriptor.Fixture.load;
import static dev.aex.deployer.descriptor.Fixture.parse;
import static dev.aex.deployer.descriptor.Fixture.withNodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node rules (deployer-reference.md §2.2 default/node.yaml, §2.3), good and bad. */
class NodeRulesTest {
  private static final String N1 = "nodes[0] \"n1\"";
  private static final String TZ_NODE_KEY =
      "9a04aa182d039674708ce807ed914cd153cd9df7805e61742f0ae41294758dd3";

  @Test
  void nativeNodeGetsTheDefaults() throws Exception {
    NativeNode n = (NativeNode) parse(withNodes(Fixture.NODE)).nodes().get(0);
    assertThat(n.address()).isEqualTo(new NodeAddress("127.0.0.1", 5000, 5000));
    assertThat(n.moduleId()).isEqualTo(1);
  }

  @Test
  void sgxNodeDefaultsAesmToTheResolvedHost() throws Exception {
    SgxNode n = (SgxNode) parse(withNodes(
        "{type: sgx, name: n1, host: 127.0.0.7, reactive_port: 5000, deploy_port: 5001}"))
        .nodes().get(0);
    assertThat(n.aesmHost()).isEqualTo("127.0.0.7");
    assertThat(n.aesmPort()).isEqualTo(13741);
    assertThat(n.address().deployPort()).isEqualTo(5001);
  }

  @Test
  void trustZoneVendorKeyIsDerivedFromTheNodeKey() throws Exception {
    // deployer-reference.md §2.3: node_key 9a04…8dd3 with vendor_id 33 gives a371f041…d165.
    TrustZoneNode n = (TrustZoneNode) parse(withNodes("{type: trustzone, name: n1, host: h, "
        + "reactive_port: 1236, vendor_id: 33, node_key: '" + TZ_NODE_KEY + "'}")).nodes().get(0);
    String vendorKey = HexFormat.of().formatHex(n.vendorKey().revealBytes());
    assertThat(vendorKey).startsWith("a371f041").endsWith("d165").hasSize(64);
    assertThat(n.nodeKey()).isPresent();
  }

  @Test
  void trustZoneVendorKeyAloneIsEnough() throws Exception {
    TrustZoneNode n = (TrustZoneNode) parse(withNodes("{type: trustzone, name: n1, host: h, "
        + "reactive_port: 1236, vendor_id: 33, vendor_key: '" + TZ_NODE_KEY + "'}")).nodes().get(0);
    assertThat(n.nodeKey()).isEmpty();
    assertThat(HexFormat.of().formatHex(n.vendorKey().revealBytes())).isEqualTo(TZ_NODE_KEY);
  }

  @Test
  void historicIpAddressIsAcceptedAsHost() throws Exception {
    Node n = parse(withNodes("{type: native, name: n1, ip_address: 127.0.0.2, reactive_port: 5000}"))
        .nodes().get(0);
    assertThat(n.address().host()).isEqualTo("127.0.0.2");
  }

  @Test
  void moduleIdZeroMeansOne() throws Exception {
    NativeNode n = (NativeNode) parse(withNodes(
        "{type: native, name: n1, host: h, reactive_port: 5000, module_id: 0}")).nodes().get(0);
    assertThat(n.moduleId()).isEqualTo(1);
  }

  @Test
  void unknownFieldIsAWarningWithASuggestion() throws Exception {
    List<Problem> warnings = load(withNodes(
        "{type: native, name: n1, host: h, reactive_port: 5000, deploy_prot: 5001}")).warnings();
    Problem w = find(warnings, N1, "deploy_prot");
    assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
    assertThat(w.suggestion()).contains("deploy_port");
  }

  /** EX:ping-pong/native-native puts aesm_host on native nodes: ignored without a warning. */
  @Test
  void aFieldOfAnotherNodeTypeIsIgnoredQuietly() throws Exception {
    assertThat(load(withNodes("{type: native, name: n1, host: h, reactive_port: 5000,"
        + " aesm_host: h}")).warnings()).isEmpty();
  }

  @Test
  void missingTypeIsAnError() {
    error(withNodes("{name: n1, host: h, reactive_port: 5000}"), N1, "type");
  }

  @Test
  void unknownTypeSuggestsTheClosest() {
    Problem p = error(withNodes("{type: nativ, name: n1, host: h, reactive_port: 5000}"), N1, "type");
    assertThat(p.message()).contains("unknown node type \"nativ\"", "native, sgx, sancus, trustzone");
    assertThat(p.suggestion()).contains("native");
  }

  @Test
  void nameMustBeAString() {
    Problem p = error(withNodes("{type: native, name: 3, host: h, reactive_port: 5000}"),
        "nodes[0]", "name");
    assertThat(p.message()).contains("expected a non-empty string", "found 3");
  }

  @Test
  void missingHostNamesTheMisspeltField() {
    Problem p = find(errors(withNodes("{type: native, name: n1, hots: h, reactive_port: 5000}")),
        N1, "host");
    assertThat(p.message()).contains("missing", "rename \"hots\" to \"host\"");
  }

  @Test
  void hostAndIpAddressTogetherAreAnError() {
    error(withNodes("{type: native, name: n1, host: h, ip_address: 127.0.0.1, reactive_port: 5000}"),
        N1, "ip_address");
  }

  @Test
  void reactivePortIsRequired() {
    Problem p = error(withNodes("{type: native, name: n1, host: h}"), N1, "reactive_port");
    assertThat(p.message()).contains("missing", "a positive u16 (1..65535)");
  }

  @Test
  void reactivePortMustBeAPositiveU16() {
    assertThat(error(withNodes("{type: native, name: n1, host: h, reactive_port: 0}"), N1,
        "reactive_port").message()).contains("found 0");
    assertThat(error(withNodes("{type: native, name: n1, host: h, reactive_port: 65536}"), N1,
        "reactive_port").message()).contains("found 65536");
    assertThat(error(withNodes("{type: native, name: n1, host: h, reactive_port: '5000'}"), N1,
        "reactive_port").message()).contains("found \"5000\" (a string)");
    assertThat(error(withNodes("{type: native, name: n1, host: h, reactive_port: 5000.5}"), N1,
        "reactive_port").message()).contains("found 5000.5");
  }

  @Test
  void deployPortMustBeAPositiveU16() {
    error(withNodes("{type: native, name: n1, host: h, reactive_port: 5000, deploy_port: 0}"), N1,
        "deploy_port");
  }

  @Test
  void sancusNeedsVendorIdAndKeyBothReportedAtOnce() {
    List<Problem> problems = errors(withNodes("{type: sancus, name: n1, host: h, reactive_port: 6000}"));
    assertThat(problems).hasSize(2);
    find(problems, N1, "vendor_id");
    find(problems, N1, "vendor_key");
  }

  @Test
  void sancusVendorKeyMustBeHexOfAKeyLength() {
    Problem p = error(withNodes("{type: sancus, name: n1, host: h, reactive_port: 6000, "
        + "vendor_id: 4660, vendor_key: '0b7bf3ae40880a8be430d0da34fb76'}"), N1, "vendor_key");
    assertThat(p.message()).contains("32 or 16 hex digits", "a string of 30 characters")
        .doesNotContain("0b7bf3ae");
  }

  @Test
  void vendorIdMustBeAU16() {
    error(withNodes("{type: sancus, name: n1, host: h, reactive_port: 6000, vendor_id: 70000, "
        + "vendor_key: '0b7bf3ae40880a8be430d0da34fb76f0'}"), N1, "vendor_id");
  }

  @Test
  void trustZoneNeedsAtLeastOneKey() {
    Problem p = error(withNodes(
        "{type: trustzone, name: n1, host: h, reactive_port: 1236, vendor_id: 33}"), N1, "vendor_key");
    assertThat(p.message()).contains("at least one between node key and vendor key");
  }

  @Test
  void trustZoneNeedsAVendorId() {
    error(withNodes("{type: trustzone, name: n1, host: h, reactive_port: 1236, node_key: '"
        + TZ_NODE_KEY + "'}"), N1, "vendor_id");
  }

  @Test
  void duplicateNodeNamesAreAnError() {
    Problem p = error(withNodes(Fixture.NODE + ", " + Fixture.NODE), "nodes[1] \"n1\"", "name");
    assertThat(p.message()).contains("duplicate node name \"n1\"", "first declared at nodes[0]");
  }

  @Test
  void nodeItemMustBeAMapping() {
    List<Problem> problems = errors(withNodes("n1"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.item()).isEqualTo("nodes[0]");
      assertThat(p.message()).contains("expected a mapping of fields, found \"n1\"");
    });
  }
}
