package dev.aex.crypto.spongent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.AuthenticationFailedException.Reason;
import dev.aex.crypto.SymmetricKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Parameter validation, redaction and the documented non-guarantees. */
class SpongeWrapApiTest {
  private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

  @Test
  void keyLengthMustMatchTheVariant() {
    SymmetricKey key16 = SymmetricKey.copyOf(KEY);
    assertThatThrownBy(() -> SpongeWrap.create(SpongentVariant.SPONGENT_64, key16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SpongeWrap key length for SPONGENT_64: 16 bytes (expected: 8)");
    assertThatThrownBy(() -> SpongentVariant.forKeyLength(32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SPONGENT key length: 32 bytes (expected: one of [16, 8])");
  }

  @Test
  void variantsTieTheTagLengthToTheKeyLength() {
    assertThat(SpongentVariant.forKeyLength(16)).isEqualTo(SpongentVariant.SPONGENT_128);
    assertThat(SpongentVariant.forKeyLength(8)).isEqualTo(SpongentVariant.SPONGENT_64);
    assertThat(SpongentVariant.SPONGENT_64.tagLength()).isEqualTo(8);
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    SymmetricKey key = SymmetricKey.copyOf(KEY);
    String hex = HexFormat.of().formatHex(KEY);
    assertThat(SpongeWrap.create(SpongentVariant.SPONGENT_128, key).toString())
        .isEqualTo("SpongeWrap[SPONGENT_128]")
        .doesNotContain(hex);
    assertThat(SpongentMac.create(SpongentVariant.SPONGENT_128, key).toString())
        .isEqualTo("SpongentMac[SPONGENT_128]");
  }

  @Test
  void inputShorterThanATagIsTruncated() {
    SpongeWrap wrap = SpongeWrap.create(SpongentVariant.SPONGENT_128, SymmetricKey.copyOf(KEY));
    assertThatThrownBy(() -> wrap.unwrap(new byte[0], new byte[15]))
        .isInstanceOfSatisfying(AuthenticationFailedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
  }

  @Test
  void wrapIsDeterministicBecauseSpongeWrapHasNoNonce() {
    SpongeWrap wrap = SpongeWrap.create(SpongentVariant.SPONGENT_128, SymmetricKey.copyOf(KEY));
    byte[] ad = {0, 7};
    assertThat(wrap.wrap(ad, new byte[] {1, 2, 3})).isEqualTo(wrap.wrap(ad, new byte[] {1, 2, 3}));
  }

  @Test
  void callersKeyArrayIsNotRetained() {
    byte[] bytes = KEY.clone();
    SymmetricKey key = SymmetricKey.copyOf(bytes);
    SpongeWrap wrap = SpongeWrap.create(SpongentVariant.SPONGENT_128, key);
    byte[] before = wrap.wrap(new byte[0], new byte[4]);
    bytes[0] ^= 1;
    assertThat(wrap.wrap(new byte[0], new byte[4])).isEqualTo(before);
  }
}
