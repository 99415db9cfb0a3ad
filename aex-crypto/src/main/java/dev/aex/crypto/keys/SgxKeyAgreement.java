package dev.aex.crypto.keys;

import dev.aex.crypto.Sha256;
import dev.aex.crypto.SymmetricKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key agreement of an aex SGX attestation (docs/sgx.md, SECURITY.md §5): X25519 between an
 * ephemeral key of the deployer and an ephemeral key of the enclave, bound to the quote through
 * the report data, then HKDF-SHA256 to the 16-byte module key.
 *
 * <pre>
 * transcript  = "aex-sgx-attest-v1" ‖ deployer_pub:32 ‖ enclave_pub:32 ‖ nonce:32
 * report_data = SHA-256(enclave_pub ‖ deployer_pub ‖ nonce) ‖ 0^32          (64 bytes)
 * prk         = HMAC-SHA256(salt = nonce, X25519(own private, peer public))
 * module_key  = first 16 bytes of HMAC-SHA256(prk, SHA-256(transcript) ‖ 0x01)   (HKDF-Expand, L = 16)
 * </pre>
 *
 * <p>Public keys travel as the 32-byte little-endian u-coordinate of RFC 7748. An all-zero shared
 * secret (a low-order peer key) is refused. Nothing here keeps or logs a private key.
 */
public final class SgxKeyAgreement {
  /** Bytes of an X25519 public key. */
  public static final int PUBLIC_KEY_SIZE = 32;
  /** Bytes of the deployer's nonce. */
  public static final int NONCE_SIZE = 32;
  /** Bytes of SGX report data. */
  public static final int REPORT_DATA_SIZE = 64;

  private static final byte[] LABEL = "aex-sgx-attest-v1".getBytes(StandardCharsets.US_ASCII);
  private static final NamedParameterSpec X25519 = NamedParameterSpec.X25519;

  private final KeyPair own;
  private final byte[] ownPublic;

  private SgxKeyAgreement(KeyPair own) {
    this.own = own;
    this.ownPublic = encode((XECPublicKey) own.getPublic());
  }

  /** A fresh ephemeral X25519 key pair (one per attestation). */
  public static SgxKeyAgreement generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
      return new SgxKeyAgreement(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is unavailable in this JDK", e);
    }
  }

  /** A fixed key pair (test vectors only). */
  static SgxKeyAgreement of(KeyPair pair) {
    return new SgxKeyAgreement(pair);
  }

  /** Decodes a 32-byte public key (test vectors only). */
  static PublicKey decodePublic(byte[] raw) throws GeneralSecurityException {
    return decode(raw);
  }

  /** This side's public key, 32 bytes. */
  public byte[] publicKey() {
    return ownPublic.clone();
  }

  /**
   * The report data an enclave with public key {@code enclavePublic} puts in its quote for this
   * deployer key and nonce: SHA-256 of the three, then 32 zero bytes.
   */
  public static byte[] reportData(byte[] enclavePublic, byte[] deployerPublic, byte[] nonce) {
    check(enclavePublic, PUBLIC_KEY_SIZE, "enclave public key");
    check(deployerPublic, PUBLIC_KEY_SIZE, "deployer public key");
    check(nonce, NONCE_SIZE, "nonce");
    byte[] hash = Sha256.of(enclavePublic, deployerPublic, nonce);
    return Arrays.copyOf(hash, REPORT_DATA_SIZE);
  }

  /**
   * The module key both sides derive.
   *
   * @param peerPublic the other side's public key
   * @param deployerPublic the deployer's public key (this side's or the peer's)
   * @param enclavePublic the enclave's public key (this side's or the peer's)
   * @param nonce the deployer's nonce
   * @throws IllegalArgumentException if a size is wrong, {@code peerPublic} is not a usable X25519
   *     key, or this side's key is neither of the two named
   */
  public SymmetricKey moduleKey(
      byte[] peerPublic, byte[] deployerPublic, byte[] enclavePublic, byte[] nonce) {
    check(peerPublic, PUBLIC_KEY_SIZE, "peer public key");
    check(nonce, NONCE_SIZE, "nonce");
    if (!Arrays.equals(ownPublic, deployerPublic) && !Arrays.equals(ownPublic, enclavePublic)) {
      throw new IllegalArgumentException("this side's public key is neither the deployer's nor the enclave's");
    }
    byte[] shared = shared(peerPublic);
    try {
      byte[] prk = hmac(nonce, shared);
      byte[] info = Sha256.of(LABEL, deployerPublic, enclavePublic, nonce);
      byte[] okm = hmac(prk, info, new byte[] {1});
      Arrays.fill(prk, (byte) 0);
      SymmetricKey key = SymmetricKey.copyOf(Arrays.copyOf(okm, 16));
      Arrays.fill(okm, (byte) 0);
      return key;
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  byte[] shared(byte[] peerPublic) {
    try {
      PrivateKey mine = own.getPrivate();
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(mine);
      agreement.doPhase(decode(peerPublic), true);
      byte[] secret = agreement.generateSecret();
      int acc = 0;
      for (byte b : secret) {
        acc |= b;
      }
      if (acc == 0) {
        throw new IllegalArgumentException("peer public key: a low-order point (shared secret is zero)");
      }
      return secret;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("peer public key: not a usable X25519 key: " + e.getMessage(), e);
    }
  }

  private static PublicKey decode(byte[] raw) throws GeneralSecurityException {
    byte[] bigEndian = new byte[raw.length];
    for (int i = 0; i < raw.length; i++) {
      bigEndian[i] = raw[raw.length - 1 - i];
    }
    BigInteger u = new BigInteger(1, bigEndian);
    return KeyFactory.getInstance("X25519").generatePublic(new XECPublicKeySpec(X25519, u));
  }

  private static byte[] encode(XECPublicKey key) {
    byte[] bigEndian = key.getU().toByteArray();
    byte[] raw = new byte[PUBLIC_KEY_SIZE];
    for (int i = 0; i < raw.length && i < bigEndian.length; i++) {
      raw[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return raw;
  }

  private static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  private static void check(byte[] value, int size, String what) {
    Objects.requireNonNull(value, what);
    if (value.length != size) {
      throw new IllegalArgumentException(what + ": " + value.length + " bytes (expected: " + size + ")");
    }
  }

  @Override
  public String toString() {
    return "SgxKeyAgreement[public=" + HexFormat.of().formatHex(ownPublic) + "]";
  }
}
