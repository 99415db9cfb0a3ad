package dev.aex.attestation.simulation;

import dev.aex.attestation.HexBytes;
import dev.aex.attestation.internal.Ecdsa;
import dev.aex.attestation.internal.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The fixed, checked-in simulation key set: root CA, PCK CA, PCK, TCB signing and QE attestation
 * keys, with their certificates. INSECURE by design: the private keys are public, in this jar,
 * so that a module runtime in another JVM signs quotes the deployer can check. They were made
 * once by the test-scope generator {@code GenerateSimulationKeys}.
 */
final class SimulationKeys {
  static final String ROOT = "simulation-root-ca";
  static final String PCK_CA = "simulation-pck-ca";
  static final String PCK = "simulation-pck";
  static final String TCB_SIGNING = "simulation-tcb-signing";
  static final String ATTESTATION = "simulation-attestation-key";

  private SimulationKeys() {}

  static X509Certificate certificate(String name) {
    try {
      return Pem.certificates(read(name + ".pem")).get(0);
    } catch (GeneralSecurityException e) {
      throw broken(name, e);
    }
  }

  static PrivateKey privateKey(String name) {
    try {
      return Pem.ecPrivateKey(new String(read(name + "-INSECURE.key.pem"), StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw broken(name, e);
    }
  }

  /** The attestation public key, raw x || y. */
  static HexBytes attestationPublicKey() {
    try {
      String pem = new String(read(ATTESTATION + ".pub.pem"), StandardCharsets.US_ASCII)
          .replaceAll("-----[A-Z ]+-----", "");
      byte[] spki = Base64.getMimeDecoder().decode(pem);
      var key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
      return HexBytes.of(Ecdsa.rawPublicKey(key));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw broken(ATTESTATION, e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = SimulationKeys.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " (broken aex jar)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException broken(String name, Exception e) {
    return new IllegalStateException("unreadable simulation key material " + name, e);
  }
}
