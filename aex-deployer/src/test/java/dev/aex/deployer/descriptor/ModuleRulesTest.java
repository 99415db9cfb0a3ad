package dev.aex.deployer.descriptor;

import static dev.aex.deployer.descriptor.Fixture.error;
import static dev.aex.deployer.descriptor.Fixture.errors;
import static dev.aex.deployer.descriptor.Fixture.find;
import static dev.aex.deployer.descriptor.Fixture.load;
import static dev.aex.deployer.descriptor.Fixture.parse;
import static dev.aex.deployer.descriptor.Fixture.withModules;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The module rules (deployer-reference.md §2.2 default/module.yaml, §2.4), good and bad. */
class ModuleRulesTest {
  private static final String NATIVE = Fixture.NODE;
  private static final String SANCUS = "{type: sancus, name: s1, host: h, reactive_port: 6000, "
      + "vendor_id: 4660, vendor_key: '0b7bf3ae40880a8be430d0da34fb76f0'}";
  private static final String TZ = "{type: trustzone, name: t1, host: h, reactive_port: 1236, "
      + "vendor_id: 33, vendor_key: '0b7bf3ae40880a8be430d0da34fb76f0'}";
  private static final String SGX = "{type: sgx, name: x1, host: h, reactive_port: 5000}";
  private static final String A = "modules[0] \"a\"";
  private static final String KEY = "'000102030405060708090a0b0c0d0e0f'";

  @Test
  void nativeModuleGetsTheDefaults() throws Exception {
    NativeModule m = (NativeModule) parse(withModules(NATIVE, "{type: native, name: a, node: n1}"))
        .modules().get(0);
    assertThat(m.common()).isEqualTo(ModuleCommon.of("a", "n1"));
    assertThat(m.folder()).isEqualTo("a");
    assertThat(m.features()).isEmpty();
    assertThat(m.id()).isEmpty();
    assertThat(m.key()).isEmpty();
  }

  /** A name is a build folder and file name: it must not climb out of build/ (a b is fine). */
  @Test
  void aModuleNameThatIsNotOnePathComponentIsRefused() throws Exception {
    for (String name : List.of("../../evil", "a/b", "a\\b", "..", ".")) {
      Problem p = error(withModules(NATIVE, "{type: native, name: '" + name + "', node: n1}"),
          "modules[0] \"" + name + "\"", "name");
      assertThat(p.message()).contains("expected no '/', '\\' or NUL and not '.' or '..'");
    }
    assertThat(parse(withModules(NATIVE, "{type: native, name: 'a b', node: n1}")).modules())
        .singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("a b"));
  }

  @Test
  void everyCommonFieldIsRead() throws Exception {
    Module m = parse(withModules(NATIVE + ", {type: native, name: n2, host: h, reactive_port: 1}",
        "{type: native, name: a, node: n2, old_node: n1, priority: -3, deployed: true, nonce: 7,"
            + " attested: true, id: 1, key: " + KEY + "}")).modules().get(0);
    assertThat(m.common()).isEqualTo(new ModuleCommon("a", "n2", "n1", Optional.of(-3), true, 7,
        true));
  }

  /**
   * A deployed module without its id or key would get made-up ones from the next command, which
   * writes them back: the only record of how to reach the module lost (found by a user test).
   */
  @Test
  void aDeployedModuleMustCarryItsIdAndKey() throws Exception {
    Problem p = error(withModules(NATIVE, "{type: native, name: a, node: n1, deployed: true,"
        + " id: 3}"), A, "deployed");
    assertThat(p.message()).isEqualTo("true requires id and key; missing: key. Take them from the"
        + " result file that deployed the module; to deploy it again instead, reset its node and"
        + " set deployed to false");
    assertThat(error(withModules(NATIVE, "{type: native, name: a, node: n1, deployed: true,"
        + " key: " + KEY + "}"), A, "deployed").message())
        .startsWith("true requires id and key; missing: id.");
    assertThat(error(withModules(SANCUS, "{type: sancus, name: a, node: s1, files: [],"
        + " deployed: true, key: null}"), A, "deployed").message())
        .startsWith("true requires id and key; missing: id, key.");
  }

  /**
   * An SGX module's key is agreed when it is attested: deployed, not attested, it has none. A
   * TrustZone module's key is derived from its binary.
   */
  @Test
  void aDeployedSgxModuleNeedsItsKeyOnlyOnceAttestedAndATrustZoneOneNever() throws Exception {
    String sgx = "{type: sgx, name: a, node: x1, vendor_key: v, ra_settings: r, deployed: true,"
        + " id: 1";
    assertThat(parse(withModules(SGX, sgx + "}")).modules()).hasSize(1);
    assertThat(parse(withModules(TZ, "{type: trustzone, name: a, node: t1, deployed: true, id: 1,"
        + " binary: a.ta}")).modules()).hasSize(1);
    assertThat(error(withModules(SGX, sgx + ", attested: true}"), A, "deployed").message())
        .startsWith("true requires id and key; missing: key.");
    assertThat(error(withModules(SGX, "{type: sgx, name: a, node: x1, vendor_key: v, ra_settings:"
        + " r, deployed: true}"), A, "deployed").message()).startsWith("true requires id; missing:"
        + " id.");
  }

  /** An aex module's counter runs to 2^63 − 1 (SECURITY.md §4); a u16 was the original's. */
  @Test
  void aNonceIsAnyCounterUpTo2Pow63Minus1() throws Exception {
    assertThat(parse(withModules(NATIVE, "{type: native, name: a, node: n1, nonce: "
        + Long.MAX_VALUE + "}")).modules().get(0).common().nonce()).isEqualTo(Long.MAX_VALUE);
    Problem p = error(withModules(NATIVE, "{type: native, name: a, node: n1, nonce: "
        + "9223372036854775808}"), A, "nonce");
    assertThat(p.message()).startsWith("expected an integer 0..9223372036854775807, found");
  }

  /** What a later command's suite depends on: the result's word, not the folder it runs in. */
  @Test
  void aNativeModuleThatAexBuiltSaysSo() throws Exception {
    List<Module> modules = parse(withModules(NATIVE, "{type: native, name: a, node: n1,"
        + " runtime: aex}, {type: native, name: b, node: n1}")).modules();
    assertThat(((NativeModule) modules.get(0)).aexRuntime()).isTrue();
    assertThat(((NativeModule) modules.get(1)).aexRuntime()).isFalse();
    Problem p = error(withModules(NATIVE, "{type: native, name: a, node: n1, runtime: rust}"), A,
        "runtime");
    assertThat(p.message()).isEqualTo("expected \"aex\" (written by aex's build), or no field"
        + " for a module of the original, found \"rust\" (a string)");
  }

  @Test
  void sgxSancusAndTrustZoneModulesParse() throws Exception {
    Descriptor d = parse(withModules(SGX + ", " + SANCUS + ", " + TZ,
        "{type: sgx, name: a, node: x1, vendor_key: k.pem, ra_settings: s.json, folder: f},"
            + "{type: sancus, name: b, node: s1, files: [b.c], cflags: [-O2]},"
            + "{type: trustzone, name: c, node: t1, uuid: 281445940253181251961359712745212326917}"));
    assertThat(((SgxModule) d.modules().get(0)).folder()).isEqualTo("f");
    SancusModule b = (SancusModule) d.modules().get(1);
    assertThat(b.deployName()).isEqualTo("b");
    assertThat(b.cflags()).containsExactly("-O2");
    assertThat(((TrustZoneModule) d.modules().get(2)).uuid())
        .contains(new BigInteger("281445940253181251961359712745212326917"));
  }

  @Test
  void dataMapIsRead() throws Exception {
    NativeModule m = (NativeModule) parse(withModules(NATIVE, "{type: native, name: a, node: n1, "
        + "data: {inputs: {in: 0}, outputs: {out: 16384}, entrypoints: {}, handlers: {h: 49152},"
        + " requests: {}}}")).modules().get(0);
    ModuleData data = m.data().orElseThrow();
    assertThat(data.id(EndpointKind.OUTPUT, "out")).contains(16384);
    assertThat(data.names(EndpointKind.HANDLER)).containsExactly("h");
  }

  /**
   * Ignored, as in the original; a field no module type has gets a warning, and one of another
   * type none: EX:ping-pong/native-native gives native modules the SGX fields vendor_key and
   * ra_settings, and a warning on every command for the original's own examples is noise.
   */
  @Test
  void unknownFieldsAreWarningsButThoseOfAnotherType() throws Exception {
    List<Problem> warnings = load(withModules(NATIVE, "{type: native, name: a, node: n1,"
        + " vendor_key: k.pem, ra_settings: s.json, featurs: [x]}")).warnings();
    assertThat(warnings).singleElement().satisfies(w -> {
      assertThat(w.field()).contains("featurs");
      assertThat(w.message()).isEqualTo("unknown field, ignored");
    });
  }

  @Test
  void moduleTypeIsRequiredAndSuggested() {
    error(withModules(NATIVE, "{name: a, node: n1}"), A, "type");
    Problem p = error(withModules(SGX, "{type: sgxx, name: a, node: x1}"), A, "type");
    assertThat(p.message()).contains("unknown module type \"sgxx\"");
    assertThat(p.suggestion()).contains("sgx");
  }

  @Test
  void nodeIsRequired() {
    error(withModules(NATIVE, "{type: native, name: a}"), A, "node");
  }

  @Test
  void unknownNodeSuggestsTheClosest() {
    Problem p = error(withModules(NATIVE, "{type: native, name: a, node: n2}"), A, "node");
    assertThat(p.message()).contains("No node with name \"n2\"", "declared nodes: n1");
    assertThat(p.suggestion()).contains("n1");
  }

  @Test
  void unknownOldNodeIsAnError() {
    error(withModules(NATIVE, "{type: native, name: a, node: n1, old_node: nx}"), A, "old_node");
  }

  @Test
  void commonFieldsHaveTheirTypes() {
    List<Problem> problems = errors(withModules(NATIVE, "{type: native, name: a, node: n1, "
        + "priority: high, deployed: 'yes', nonce: -1, attested: 1}"));
    assertThat(problems).extracting(p -> p.field().orElseThrow())
        .containsExactlyInAnyOrder("priority", "deployed", "nonce", "attested");
  }

  @Test
  void sgxNeedsVendorKeyAndRaSettings() {
    List<Problem> problems = errors(withModules(SGX, "{type: sgx, name: a, node: x1}"));
    assertThat(problems).hasSize(2);
    find(problems, A, "vendor_key");
    find(problems, A, "ra_settings");
  }

  @Test
  void sancusNeedsFiles() {
    Problem p = error(withModules(SANCUS, "{type: sancus, name: a, node: s1}"), A, "files");
    assertThat(p.message()).contains("a list of strings");
  }

  @Test
  void moduleTypeMustMatchTheNodeType() {
    Problem p = error(withModules(SANCUS, "{type: native, name: a, node: s1}"), A, "node");
    assertThat(p.message()).isEqualTo("Node s1 (sancus) does not support module a (native);"
        + " modules of type native need a node of type native");
  }

  @Test
  void aDeployedModuleMovedForAnUpdateKeepsItsIdOnItsOldNode() throws Exception {
    // The update workflow: edit node of a deployed module to the target node, which already has
    // a module with the same id. The id is in use where the module runs, its old_node.
    String nodes = NATIVE + ", {type: native, name: n2, host: 127.0.0.1, reactive_port: 6000}";
    Descriptor d = parse(withModules(nodes, "{type: native, name: a, node: n2, old_node: n1, "
        + "deployed: true, id: 1, key: " + KEY + "}, {type: native, name: b, node: n2, id: 1}"));
    assertThat(d.modules()).hasSize(2);
    Problem p = error(withModules(nodes, "{type: native, name: a, node: n2, old_node: n1, "
        + "deployed: true, id: 1, key: " + KEY + "}, {type: native, name: b, node: n1, id: 1}"),
        "modules[1] \"b\"", "id");
    assertThat(p.message()).contains("also the id of module \"a\" on node \"n1\"");
  }

  @Test
  void explicitIdsMustDifferOnANode() {
    Problem p = error(withModules(NATIVE, "{type: native, name: a, node: n1, id: 3}, "
        + "{type: native, name: b, node: n1, id: 3}"), "modules[1] \"b\"", "id");
    assertThat(p.message()).contains("also the id of module \"a\" on node \"n1\"");
  }

  @Test
  void duplicateModuleNamesAreAnError() {
    error(withModules(NATIVE, "{type: native, name: a, node: n1}, {type: native, name: a, node: n1}"),
        "modules[1] \"a\"", "name");
  }

  @Test
  void moduleKeyMustBe16BytesOfHex() {
    Problem p = error(withModules(NATIVE,
        "{type: native, name: a, node: n1, key: 'zz0102030405060708090a0b0c0d0e0f'}"), A, "key");
    assertThat(p.message()).contains("32 hex digits (a 16-byte key)").doesNotContain("zz01");
  }

  @Test
  void uuidMustFitIn128Bits() {
    error(withModules(TZ, "{type: trustzone, name: a, node: t1, uuid: -1}"), A, "uuid");
    error(withModules(TZ, "{type: trustzone, name: a, node: t1, uuid: "
        + BigInteger.ONE.shiftLeft(128) + "}"), A, "uuid");
  }

  @Test
  void dataIdsMustBeU16() {
    Problem p = error(withModules(NATIVE,
        "{type: native, name: a, node: n1, data: {inputs: {in: x}}}"), A, "data.inputs");
    assertThat(p.message()).contains("endpoint \"in\"", "an id 0..65535");
  }

  @Test
  void emptyNameIsAnError() {
    error(withModules(NATIVE, "{type: native, name: '', node: n1}"), "modules[0] \"\"", "name");
  }

  @Test
  void portMustBeAPositiveU16() {
    error(withModules(NATIVE, "{type: native, name: a, node: n1, port: 0}"), A, "port");
  }

  @Test
  void featuresMustBeStrings() {
    error(withModules(NATIVE, "{type: native, name: a, node: n1, features: [1]}"), A, "features");
  }
}
