package dev.aex.deployer.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The original's example descriptors (deployer-reference.md §7; provenance in
 * src/test/resources/examples/README.md) read as the 2023 deployer reads them.
 */
class ExampleDescriptorsTest {
  @ParameterizedTest
  @ValueSource(strings = {"button-led.json", "button-led-native.json", "button-led-no-sancus.json",
      "db-webserver.json", "module-update-no-sancus.json", "state-transfer.json",
      "ping-pong-native-native.json", "ping-pong-sancus-sgx.json", "ping-pong-sgx-sgx.json",
      "crypto-native-native.json", "crypto-native-optee.json", "crypto-sgx-tz.json",
      "smart-home.json", "smart-home-native.json", "supply-chain.json",
      "supply-chain-shipment.json", "fosdem-21-native.json", "fosdem-21-sgx.json",
      "fosdem-21-complete.json", "rt21-example-native.json", "rt21-example-sgx.json",
      "rt21-example-sancus.json", "rt21-example-hybrid.json", "rt21-sancus-periodic.json"})
  void exampleIsValidAndKeepsEveryItem(String file) throws Exception {
    JsonNode raw = new ObjectMapper().readTree(Fixture.resource("examples/" + file));
    Descriptor d = Fixture.example(file).descriptor();
    assertThat(d.nodes()).hasSize(raw.get("nodes").size());
    assertThat(d.modules()).hasSize(raw.get("modules").size());
    assertThat(d.connections()).hasSize(raw.path("connections").size());
    assertThat(d.periodicEvents()).hasSize(raw.path("periodic-events").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"module-update.json", "ping-pong-sancus-tz-sgx.json",
      "ping-pong-tz-sgx.json"})
  void storedVersionsBeforeTheTrustZoneVendorIdAreRejected(String file) {
    DescriptorException e = catchThrowableOfType(DescriptorException.class,
        () -> Fixture.example(file));
    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.item()).startsWith("nodes[").contains("trustzone");
      assertThat(p.field()).contains("vendor_id");
      assertThat(p.message()).startsWith("missing");
    });
  }

  @Test
  void buttonLedHasAPreDeployedSancusDriverAndNumericInputs() throws Exception {
    Descriptor d = Fixture.example("button-led.json").descriptor();
    SancusModule led = (SancusModule) d.module("led_driver").orElseThrow();
    assertThat(led.common().deployed()).isTrue();
    assertThat(led.id()).contains(1);
    assertThat(HexFormat.of().formatHex(led.key().orElseThrow().revealBytes()))
        .isEqualTo("2fad83949557b707c1bcedd0a8084ef2");
    assertThat(d.connections().get(1).target().endpoint()).isEqualTo(EndpointRef.of(1));
    assertThat(d.connection("init-server").orElseThrow().direct()).isTrue();
    assertThat(d.manager()).contains(new Manager.File("manager.yaml"));
  }

  @Test
  void buttonLedTrustZoneVendorKeyIsTheOneModuleUpdateUses() throws Exception {
    TrustZoneNode tz = (TrustZoneNode) Fixture.example("button-led.json").descriptor()
        .node("node_trustzone").orElseThrow();
    assertThat(HexFormat.of().formatHex(tz.vendorKey().revealBytes()))
        .startsWith("a371f041").endsWith("d165");
  }

  @Test
  void fosdemUsesTheHistoricSpellings() throws Exception {
    Descriptor d = Fixture.example("fosdem-21-native.json").descriptor();
    ManagerSettings manager = ((Manager.Inline) d.manager().orElseThrow()).settings();
    assertThat(manager.key().revealBytes()).startsWith(1, 2, 3);
    assertThat(d.nodes()).allSatisfy(n -> assertThat(n.address().host()).startsWith("127.0.0."));
  }

  @Test
  void periodicExampleHasAnEventAndA64BitVendorKey() throws Exception {
    Descriptor d = Fixture.example("rt21-sancus-periodic.json").descriptor();
    assertThat(d.periodicEvents()).singleElement()
        .satisfies(e -> assertThat(e.entry()).isEqualTo("init"));
    assertThat(((SancusNode) d.nodes().get(0)).vendorKey().length()).isEqualTo(8);
  }

  /** aesm_host, vendor_key and ra_settings copied from the SGX variant: read without a word. */
  @Test
  void nativeFieldsCopiedFromSgxAreIgnoredQuietly() throws Exception {
    assertThat(Fixture.example("ping-pong-native-native.json").warnings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"db-webserver", "fosdem-21-native", "button-led"})
  void yamlTranslationsReadAsTheirJson(String name) throws Exception {
    LoadedDescriptor yaml = Fixture.example(name + ".yaml");
    assertThat(yaml.format()).isEqualTo(DescriptorFormat.YAML);
    assertThat(yaml.descriptor()).isEqualTo(Fixture.example(name + ".json").descriptor());
  }

  @Test
  void fosdemEndpointsMatchTheAexManifests() throws Exception {
    ModuleManifestLookup manifests = ModuleManifestLookup.byManifestName(List.of(
        ModuleManifestReader.parse("c", Fixture.resource("manifests/controller-module.json")),
        ModuleManifestReader.parse("d", Fixture.resource("manifests/db-module.json"))));
    Descriptor d = Fixture.reader().withManifests(manifests)
        .parse("fosdem", Fixture.resource("examples/fosdem-21-native.json")).descriptor();
    assertThat(d.connections()).hasSize(7);
  }
}
