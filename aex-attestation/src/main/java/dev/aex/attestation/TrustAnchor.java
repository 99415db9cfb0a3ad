package dev.aex.attestation;

import dev.aex.attestation.internal.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * A pinned root CA: the Intel SGX Root CA, or the INSECURE simulation root. Both are embedded in
 * the jar and checked against their SHA-256 when first used, so a tampered jar fails loudly
 * instead of trusting another root.
 */
public final class TrustAnchor {
  /** SHA-256 of the DER Intel SGX Root CA (CN=Intel SGX Root CA, 2018-05-21 to 2049-12-31). */
  public static final String INTEL_SGX_ROOT_CA_SHA256 =
      "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3";

  /** SHA-256 of the DER simulation root CA (aex's own, INSECURE: its private key is public). */
  public static final String SIMULATION_ROOT_CA_SHA256 =
      "0f057b2e0093b367cb5be4d9152d81ac1998ac14179475bf7ffc621848171992";

  private final String name;
  private final X509Certificate certificate;
  private final boolean simulation;

  private TrustAnchor(String name, X509Certificate certificate, boolean simulation) {
    this.name = name;
    this.certificate = certificate;
    this.simulation = simulation;
  }

  /** The Intel SGX Root CA, the root of every genuine PCK, TCB signing and CRL chain. */
  public static TrustAnchor intelSgxRootCa() {
    return Intel.ANCHOR;
  }

  /** The INSECURE simulation root used by {@code dev.aex.attestation.simulation}. */
  public static TrustAnchor simulationRootCa() {
    return Simulation.ANCHOR;
  }

  public String name() {
    return name;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** True for the simulation root, which only a policy that allows simulation trusts. */
  public boolean isSimulation() {
    return simulation;
  }

  /** Both roots, Intel first: every chain is checked against both, then against the policy. */
  static List<TrustAnchor> all() {
    return List.of(intelSgxRootCa(), simulationRootCa());
  }

  @Override
  public String toString() {
    return name;
  }

  private static TrustAnchor load(String resource, String sha256, String name, boolean simulation) {
    try (InputStream in = TrustAnchor.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " (broken aex jar)");
      }
      X509Certificate cert = Pem.certificates(in.readAllBytes()).get(0);
      String actual = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
      if (!actual.equals(sha256)) {
        throw new IllegalStateException(resource + " has SHA-256 " + actual + " (expected: "
            + sha256 + "): the embedded root CA was altered");
      }
      return new TrustAnchor(name, cert, simulation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static final class Intel {
    static final TrustAnchor ANCHOR = load("intel-sgx-root-ca.pem", INTEL_SGX_ROOT_CA_SHA256,
        "Intel SGX Root CA", false);
  }

  private static final class Simulation {
    static final TrustAnchor ANCHOR = load("simulation/simulation-root-ca.pem",
        SIMULATION_ROOT_CA_SHA256, "aex simulation root CA (INSECURE)", true);
  }
}
