package dev.aex.attestation.internal;

import dev.aex.attestation.HexBytes;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ECDSA P-256 with SHA-256 as DCAP uses it: signatures are raw r || s (32 bytes each, big-endian)
 * and public keys raw x || y; the JDK wants DER signatures and {@link PublicKey} objects.
 */
public final class Ecdsa {
  private static final String ALGORITHM = "SHA256withECDSA";
  private static final int HALF = 32;

  private Ecdsa() {}

  /** The P-256 key with raw coordinates {@code xy}, if they form one. */
  public static Optional<PublicKey> publicKey(HexBytes xy) {
    if (xy.size() != 2 * HALF) {
      return Optional.empty();
    }
    byte[] raw = xy.toByteArray();
    ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 0, HALF)),
        new BigInteger(1, Arrays.copyOfRange(raw, HALF, 2 * HALF)));
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
      return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec)));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** The raw x || y of a P-256 key. */
  public static byte[] rawPublicKey(ECPublicKey key) {
    return DerWriter.concat(fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
  }

  /** True only if {@code rawSignature} is a valid signature of {@code data} by {@code key}. */
  public static boolean verify(PublicKey key, byte[] data, HexBytes rawSignature) {
    if (rawSignature.size() != 2 * HALF) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(rawToDer(rawSignature.toByteArray()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Signs {@code data}, returning raw r || s. */
  public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(key);
    signer.update(data);
    List<Der> rs = Der.parse(signer.sign()).expect(Der.SEQUENCE).children();
    return DerWriter.concat(fixed(rs.get(0).integer()), fixed(rs.get(1).integer()));
  }

  static byte[] rawToDer(byte[] raw) {
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, HALF));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, HALF, 2 * HALF));
    return DerWriter.sequence(DerWriter.integer(r), DerWriter.integer(s));
  }

  private static byte[] fixed(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[HALF];
    int copy = Math.min(bytes.length, HALF);
    System.arraycopy(bytes, bytes.length - copy, out, HALF - copy, copy);
    return out;
  }
}
