package dev.aex.crypto.keys;

import static dev.aex.testkit.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.spongent.SpongentMac;
import dev.aex.crypto.spongent.SpongentVariant;
import dev.aex.testkit.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vendor and module key of {@code sancus-keys.json}, the modules read from the real ELFs. */
class SancusKeysTest {
  private static final String FILE = "sancus-keys.json";

  static Stream<Arguments> vendorKeys() {
    return named("vendor_keys");
  }

  static Stream<Arguments> moduleKeys() {
    return named("module_keys");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorKeys")
  void vendorKeyIsTheMacOfTheLittleEndianVendorId(JsonNode v) {
    SymmetricKey node = SymmetricKey.copyOf(hex(v, "node_key"));
    SymmetricKey vendor = SancusKeys.vendorKey(node, v.get("vendor_id").asInt());
    assertThat(vendor.revealBytes()).isEqualTo(hex(v, "vendor_key"));
    assertThat(vendor.length() * 8).isEqualTo(v.get("security").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleKeys")
  void moduleIsReadFromItsElf(JsonNode v) throws IOException {
    SancusModule module = SancusElf.read(Vectors.file(v.get("elf_file").asText()))
        .module(v.get("module").asText());
    assertThat(module.textLength()).isEqualTo(v.get("section_size").asInt());
    assertThat(module.sectionFileOffset()).isEqualTo(v.get("section_file_offset").asLong());
    assertThat(module.sectionAddress()).isEqualTo(v.get("section_addr").asLong());
    assertThat(module.publicStart()).isEqualTo(v.get("public_start").asInt());
    assertThat(module.publicEnd()).isEqualTo(v.get("public_end").asInt());
    assertThat(module.secretStart()).isEqualTo(v.get("secret_start").asInt());
    assertThat(module.secretEnd()).isEqualTo(v.get("secret_end").asInt());
    byte[] file = Files.readAllBytes(Vectors.file(v.get("elf_file").asText()));
    int offset = v.get("section_file_offset").asInt();
    assertThat(module.text()).isEqualTo(Arrays.copyOfRange(file, offset, offset + module.textLength()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleKeys")
  void identityIsTextThenTheLittleEndianLayout(JsonNode v) throws Exception {
    byte[] identity = module(v).identity();
    assertThat(identity).hasSize(v.get("identity_length").asInt());
    assertThat(Arrays.copyOfRange(identity, identity.length - 8, identity.length))
        .isEqualTo(hex(v, "identity_suffix"));
    assertThat(MessageDigest.getInstance("SHA-256").digest(identity))
        .isEqualTo(hex(v, "identity_sha256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleKeys")
  void moduleKeyMatchesAndAttestsTheChallenge(JsonNode v) throws IOException {
    SymmetricKey vendor = SymmetricKey.copyOf(hex(v, "vendor_key"));
    SancusElf elf = SancusElf.read(Vectors.file(v.get("elf_file").asText()));
    SymmetricKey key = SancusKeys.moduleKey(vendor, elf, v.get("module").asText());

    assertThat(key.revealBytes()).isEqualTo(hex(v, "module_key"));
    assertThat(SancusKeys.moduleKey(vendor, module(v).identity())).isEqualTo(key);
    JsonNode attest = v.get("attest_example");
    assertThat(SpongentMac.create(SpongentVariant.SPONGENT_128, key)
        .computeMac(hex(attest, "challenge")))
        .isEqualTo(hex(attest, "reply_payload"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleKeys")
  void indexSymbolsGiveTheEntryAndIoIds(JsonNode v) throws IOException {
    Map<String, Integer> expected = new TreeMap<>();
    v.get("index_symbols").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asInt()));
    SancusElf elf = SancusElf.read(Vectors.file(v.get("elf_file").asText()));
    assertThat(elf.indexSymbols(v.get("module").asText())).isEqualTo(expected);
  }

  @Test
  void vectorFileHasTheDocumentedCounts() {
    assertThat(Vectors.list(FILE, "vendor_keys")).hasSize(5);
    assertThat(Vectors.list(FILE, "module_keys")).hasSize(6);
  }

  @Test
  void vendorIdMustBeSixteenBits() {
    SymmetricKey node = SymmetricKey.copyOf(HexFormat.of().parseHex("deadbeefcafebabec0defeeddefec8ed"));
    assertThatThrownBy(() -> SancusKeys.vendorKey(node, 0x10000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vendor id: 65536 (expected: 0 to 65535)");
    assertThatThrownBy(() -> SancusKeys.vendorKey(SymmetricKey.copyOf(new byte[32]), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SPONGENT key length: 32 bytes");
  }

  @Test
  void moduleToStringShowsLayoutNotCode() throws IOException {
    SancusModule module = SancusElf.read(Vectors.file("sancus/reactive_led.elf")).module("led_driver");
    assertThat(module.toString()).isEqualTo(
        "SancusModule[led_driver, text 3074 bytes at 0xda9c, public 0xda9c-0xe69e, secret 0x1262-0x1424]");
  }

  private static SancusModule module(JsonNode v) throws IOException {
    return SancusElf.read(Vectors.file(v.get("elf_file").asText())).module(v.get("module").asText());
  }

  private static Stream<Arguments> named(String list) {
    return Vectors.list(FILE, list).stream()
        .map(v -> Arguments.of(Named.of(v.get("name").asText(), v)));
  }
}
