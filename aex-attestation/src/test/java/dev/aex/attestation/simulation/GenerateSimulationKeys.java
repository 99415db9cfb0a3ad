package dev.aex.attestation.simulation;

import dev.aex.attestation.internal.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

/**
 * One-off generator of the checked-in simulation key set (not a test; run by hand):
 * {@code java -cp target/classes:target/test-classes dev.aex.attestation.simulation.GenerateSimulationKeys
 * src/main/resources/dev/aex/attestation/simulation}. Afterwards, update
 * {@code TrustAnchor.SIMULATION_ROOT_CA_SHA256} with the SHA-256 it prints.
 */
public final class GenerateSimulationKeys {
  private GenerateSimulationKeys() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    KeyPair root = generate();
    KeyPair pckCa = generate();
    KeyPair pck = generate();
    KeyPair tcbSigning = generate();
    KeyPair attestation = generate();
    byte[] rootName = X509Builder.name("aex Simulation Root CA");
    byte[] pckCaName = X509Builder.name("aex Simulation PCK Processor CA");
    X509Certificate rootCert = X509Builder.certificate(1, rootName, rootName, root.getPublic(), true,
        new byte[0], root.getPrivate());
    write(out, SimulationKeys.ROOT, rootCert, root);
    write(out, SimulationKeys.PCK_CA, X509Builder.certificate(2, rootName, pckCaName,
        pckCa.getPublic(), true, new byte[0], root.getPrivate()), pckCa);
    write(out, SimulationKeys.PCK, X509Builder.certificate(3, pckCaName,
        X509Builder.name("aex Simulation PCK Certificate"), pck.getPublic(), false,
        SimulationPlatform.pckExtension(), pckCa.getPrivate()), pck);
    write(out, SimulationKeys.TCB_SIGNING, X509Builder.certificate(4, rootName,
        X509Builder.name("aex Simulation TCB Signing"), tcbSigning.getPublic(), false, new byte[0],
        root.getPrivate()), tcbSigning);
    Files.writeString(out.resolve(SimulationKeys.ATTESTATION + ".pub.pem"),
        Pem.encode("PUBLIC KEY", attestation.getPublic().getEncoded()));
    writeKey(out, SimulationKeys.ATTESTATION, attestation);
    System.out.println(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(rootCert.getEncoded())));
  }

  private static KeyPair generate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static void write(Path out, String name, X509Certificate cert, KeyPair keys)
      throws Exception {
    Files.writeString(out.resolve(name + ".pem"), Pem.encode("CERTIFICATE", cert.getEncoded()),
        StandardCharsets.US_ASCII);
    writeKey(out, name, keys);
  }

  private static void writeKey(Path out, String name, KeyPair keys) throws Exception {
    Files.writeString(out.resolve(name + "-INSECURE.key.pem"),
        "# INSECURE: aex simulation key, published on purpose. Never trust what it signs.\n"
            + Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
  }
}
