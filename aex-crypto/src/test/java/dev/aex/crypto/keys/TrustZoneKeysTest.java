package dev.aex.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import dev.aex.testkit.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrustZoneKeysTest {
  private static final String FILE = "trustzone-keys.json";

  static Stream<Arguments> vendorKeys() {
    return named(Vectors.list(FILE, "vendor_keys"));
  }

  static Stream<Arguments> moduleKeys() {
    return named(Vectors.list(FILE, "module_keys"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorKeys")
  void derivesVendorKeys(String name, JsonNode v) {
    SymmetricKey key = TrustZoneKeys.vendorKey(Vectors.hex(v, "huk"), v.get("vendor_id").asInt());
    assertThat(key.revealBytes()).isEqualTo(Vectors.hex(v, "vendor_key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moduleKeys")
  void derivesModuleKeys(String name, JsonNode v) {
    byte[] taHash = v.has("ta_file_prefix")
        ? TrustZoneKeys.taHash(Vectors.hex(v, "ta_file_prefix"))
        : Vectors.hex(v, "ta_hash");
    assertThat(taHash).isEqualTo(Vectors.hex(v, "ta_hash"));
    SymmetricKey vendor = SymmetricKey.copyOf(Vectors.hex(v, "vendor_key"));
    assertThat(TrustZoneKeys.moduleKey(vendor, taHash).revealBytes())
        .isEqualTo(Vectors.hex(v, "module_key"));
  }

  @Test
  void rejectsBadInputsWithUsefulMessages() {
    assertThatThrownBy(() -> TrustZoneKeys.vendorKey(new byte[32], 70000))
        .hasMessageContaining("vendor id: 70000");
    assertThatThrownBy(() -> TrustZoneKeys.moduleKey(SymmetricKey.random16(), new byte[31]))
        .hasMessageContaining("31 bytes (expected: 32)");
    assertThatThrownBy(() -> TrustZoneKeys.taHash(new byte[40]))
        .hasMessageContaining("signed .ta file");
  }

  private static Stream<Arguments> named(java.util.List<JsonNode> list) {
    return list.stream().map(v -> Arguments.of(v.get("name").asText(), v));
  }
}
