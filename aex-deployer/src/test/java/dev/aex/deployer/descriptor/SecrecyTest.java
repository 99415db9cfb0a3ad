package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.wire.payload.Encryption;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No toString and no error message of the descriptor API shows key material (style.md habit 7). */
class SecrecyTest {
  private static final String HEX = "c0ffee00112233445566778899aabbcc";
  private static final SymmetricKey KEY = SymmetricKey.copyOf(HexFormat.of().parseHex(HEX));
  private static final SymmetricKey KEY32 = SymmetricKey.copyOf(HexFormat.of().parseHex(HEX + HEX));

  private static void assertSecret(Object o) {
    String text = o.toString();
    assertThat(text).doesNotContain(HEX).doesNotContain(HEX.toUpperCase(Locale.ROOT))
        .doesNotContain("c0ffee").doesNotContain("-64, -1, -18");
  }

  @Test
  void nodesDoNotShowTheirKeys() {
    NodeAddress at = NodeAddress.of("127.0.0.1", 6000);
    assertSecret(new SancusNode("s", at, 1, KEY));
    assertSecret(new TrustZoneNode("t", at, 1, Optional.of(KEY32), KEY32, 1));
  }

  @Test
  void modulesDoNotShowTheirKeys() {
    ModuleCommon c = ModuleCommon.of("m", "n");
    assertSecret(NativeModule.of("m", "n").withKey(KEY));
    assertSecret(new SgxModule(c, "k", "s", "m", List.of(), Optional.of(1), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(KEY), Optional.empty()));
    assertSecret(new SancusModule(c, List.of(), List.of(), List.of(), "m", Optional.empty(),
        Optional.of(1), Optional.empty(), Optional.of(KEY)));
    assertSecret(new TrustZoneModule(c, "m", Optional.of(1), Optional.empty(),
        Optional.of(BigInteger.TEN), Optional.of(KEY), Optional.empty()));
  }

  @Test
  void connectionsManagersAndWholeDescriptorsDoNotShowKeys() throws Exception {
    Connection conn = new Connection(Optional.of("c"), Optional.empty(),
        ModuleEndpoint.input("m", EndpointRef.of(0)), Encryption.AES, Optional.of(KEY),
        Optional.of(0), 0, true);
    assertSecret(conn);
    ManagerSettings manager = new ManagerSettings("m", 1234, KEY);
    assertSecret(manager);
    assertSecret(new Manager.Inline(manager));
    LoadedDescriptor loaded = Fixture.example("button-led.json");
    Descriptor planned = new Planner(Seeded.random(5)).plan(loaded.descriptor());
    assertSecret(new Descriptor(Optional.of(new Manager.Inline(manager)), planned.nodes(),
        planned.modules(), 0, List.of(conn), 0, List.of()));
    assertThat(loaded.toString()).doesNotContain("2fad83949557b707c1bcedd0a8084ef2")
        .doesNotContain("0b7bf3ae40880a8be430d0da34fb76f0");
    String plannedText = planned.toString();
    planned.connections().forEach(c -> assertThat(plannedText)
        .doesNotContain(HexFormat.of().formatHex(c.key().orElseThrow().revealBytes())));
  }

  @Test
  void badKeysAreDescribedByShapeOnly() {
    String nearlyAKey = HEX.substring(2);
    List<Problem> problems = Fixture.errors(Fixture.withModules(Fixture.NODE,
        "{type: native, name: a, node: n1, key: '" + nearlyAKey + "'}"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.toString()).doesNotContain(nearlyAKey).contains("a string of 30 characters");
    });
  }

  @Test
  void managerKeyListsAreDescribedByShapeOnly() {
    List<Problem> problems = Fixture.errors("manager: {host: m, port: 1, key: [201, 173, 17, 190]}"
        + "\nnodes: []\nmodules: []\n");
    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.toString()).doesNotContain("201").contains("a list of 4 items"));
  }

  @Test
  void parserErrorsHideLongTokens() {
    List<Problem> problems = Fixture.errors("{\"nodes\": [], \"key\": " + HEX + "}}");
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
        .contains("is not a JSON, nor a YAML", "'…'").doesNotContain("c0ffee00"));
  }

  @Test
  void yamlParserErrorsNeverQuoteTheLinesAroundThem() {
    List<Problem> problems = Fixture.errors("nodes: []\nkey: " + HEX + "\n\tmodules: []\n");
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
        .contains("is not a JSON, nor a YAML", "line 3").doesNotContain("c0ffee00"));
  }
}
