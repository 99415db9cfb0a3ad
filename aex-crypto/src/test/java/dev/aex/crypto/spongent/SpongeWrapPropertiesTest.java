package dev.aex.crypto.spongent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Round trips and length rules for random inputs; the vectors pin the actual bytes. */
class SpongeWrapPropertiesTest {

  @Property(tries = 200)
  void unwrapInvertsWrap(
      @ForAll boolean use64,
      @ForAll @Size(16) byte[] keyBytes,
      @ForAll @Size(max = 40) byte[] ad,
      @ForAll @Size(max = 300) byte[] plaintext) throws AuthenticationFailedException {
    SpongentVariant variant = use64 ? SpongentVariant.SPONGENT_64 : SpongentVariant.SPONGENT_128;
    SpongeWrap wrap = SpongeWrap.create(
        variant, SymmetricKey.copyOf(java.util.Arrays.copyOf(keyBytes, variant.keyLength())));

    byte[] wire = wrap.wrap(ad, plaintext);

    assertThat(wire).hasSize(plaintext.length + variant.tagLength());
    assertThat(wrap.unwrap(ad, wire)).isEqualTo(plaintext);
  }

  @Property(tries = 100)
  void macIsTheTagOfAnEmptyPlaintext(
      @ForAll @Size(16) byte[] keyBytes, @ForAll @Size(max = 60) byte[] message) {
    SymmetricKey key = SymmetricKey.copyOf(keyBytes);
    assertThat(SpongentMac.create(SpongentVariant.SPONGENT_128, key).computeMac(message))
        .isEqualTo(SpongeWrap.create(SpongentVariant.SPONGENT_128, key).wrap(message, new byte[0]));
  }
}
