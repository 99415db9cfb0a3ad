package dev.aex.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.SymmetricKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The per-thread cipher: keys alternate freely, and a repeated key and IV seal as a fresh cipher would. */
class AesGcmCipherTest {
  private static final byte[] AD = {1, 2};

  @Test
  void sealsAndOpensWithAlternatingKeysOnOneThread() throws AuthenticationFailedException {
    SecretKeySpec a = AesGcmCipher.keySpec(SymmetricKey.random16());
    SecretKeySpec b = AesGcmCipher.keySpec(SymmetricKey.random16());
    for (int i = 0; i < 50; i++) {
      byte[] iv = iv(i);
      byte[] sealedA = AesGcmCipher.seal(a, iv, AD, text(i));
      byte[] sealedB = AesGcmCipher.seal(b, iv, AD, text(i));

      assertThat(sealedA).isNotEqualTo(sealedB);
      assertThat(AesGcmCipher.open(a, iv, AD, sealedA, 0)).isEqualTo(text(i));
      assertThat(AesGcmCipher.open(b, iv, AD, sealedB, 0)).isEqualTo(text(i));
      assertThatThrownBy(() -> AesGcmCipher.open(b, iv, AD, sealedA, 0))
          .isInstanceOf(AuthenticationFailedException.class);
    }
  }

  @Test
  void matchesAFreshCipherOnAKnownVector() {
    // NIST GCM test case 2 (AES-128, zero key, zero IV, one zero block): ciphertext ‖ tag.
    SecretKeySpec zero = new SecretKeySpec(new byte[16], "AES");
    byte[] expected = HexFormat.of().parseHex("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf");

    assertThat(AesGcmCipher.sealWithFixedIv(zero, new byte[12], new byte[0], new byte[16])).isEqualTo(expected);
    assertThat(AesGcmCipher.seal(zero, new byte[12], new byte[0], new byte[16])).isEqualTo(expected);
  }

  @Test
  void theSameKeyAndIvTwiceInARowSealAsAFreshCipherWould() {
    SecretKeySpec key = AesGcmCipher.keySpec(SymmetricKey.random16());
    byte[] first = AesGcmCipher.seal(key, iv(7), AD, text(1));

    assertThat(AesGcmCipher.seal(key, iv(7), AD, text(1))).isEqualTo(first);
    assertThat(AesGcmCipher.sealWithFixedIv(key, iv(7), AD, text(1))).isEqualTo(first);
  }

  @Test
  void theFixedIvSealRepeatsOnPurpose() {
    SecretKeySpec key = AesGcmCipher.keySpec(SymmetricKey.random16());

    assertThat(AesGcmCipher.sealWithFixedIv(key, iv(0), AD, text(1)))
        .isEqualTo(AesGcmCipher.sealWithFixedIv(key, iv(0), AD, text(1)));
  }

  private static byte[] iv(int n) {
    byte[] iv = new byte[AesGcmCipher.IV_BYTES];
    iv[11] = (byte) n;
    iv[10] = (byte) (n >> 8);
    return iv;
  }

  private static byte[] text(int n) {
    return ("event " + n).getBytes(StandardCharsets.UTF_8);
  }
}
