package dev.aex.attestation;

import dev.aex.attestation.internal.CertChain;
import dev.aex.attestation.internal.QeIdentity;
import dev.aex.attestation.internal.SignedJson;
import dev.aex.attestation.internal.TcbInfo;
import dev.aex.attestation.internal.Validity;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Verifies collateral, in this order: TCB info (issuer chain to a pinned root, signature over the
 * raw JSON), QE identity (the same), root CA CRL (signed by that root; the signing CAs not
 * revoked), PCK CRL (issuer chain, signature), then every validity window at "now".
 */
final class CollateralChecks {
  private CollateralChecks() {}

  static VerifiedCollateral verify(Collateral c, TcbPolicy policy, Instant now)
      throws AttestationException {
    List<Validity> windows = new ArrayList<>();
    List<Validity> crlWindows = new ArrayList<>();
    X509Certificate root = signed(c.tcbInfo, policy, Check.TCB_INFO_SIGNATURE,
        Check.TCB_INFO_EXPIRED, "TCB info", windows);
    X509Certificate qeRoot = signed(c.qeIdentity, policy, Check.QE_IDENTITY_SIGNATURE,
        Check.QE_IDENTITY_EXPIRED, "QE identity", windows);
    TcbInfo tcbInfo = parse(c.tcbInfo, "TCB info", TcbInfo::parse);
    QeIdentity qeIdentity = parse(c.qeIdentity, "QE identity", QeIdentity::parse);
    windows.add(new Validity(Check.TCB_INFO_EXPIRED, "the TCB info", tcbInfo.issueDate(),
        tcbInfo.nextUpdate()));
    windows.add(new Validity(Check.QE_IDENTITY_EXPIRED, "the QE identity",
        qeIdentity.issueDate(), qeIdentity.nextUpdate()));
    if (!CertChain.sameCertificate(root, qeRoot)) {
      throw new AttestationException(Check.QE_IDENTITY_SIGNATURE, "the QE identity and the TCB "
          + "info chain to different roots: take both from the same source");
    }
    checkRootCrl(c.rootCaCrl, root, crlWindows);
    notRevoked(c.rootCaCrl, c.tcbInfo.chain(), Check.ROOT_CRL, "TCB info signing");
    notRevoked(c.rootCaCrl, c.qeIdentity.chain(), Check.ROOT_CRL, "QE identity signing");
    Optional<X509Certificate> pckCrlIssuer = checkPckCrl(c, root, windows, crlWindows);
    VerifiedCollateral verified = new VerifiedCollateral(tcbInfo, qeIdentity, c.rootCaCrl,
        c.pckCrl, pckCrlIssuer, TrustAnchor.simulationRootCa().certificate().equals(root),
        Stream.concat(c.pckCrlIssuerChain.stream(), roots().stream()).toList(), windows,
        crlWindows);
    verified.checkCurrent(now, policy);
    return verified;
  }

  /** Checks a signed JSON part and returns its (policy-allowed) root. */
  private static X509Certificate signed(SignedJson json, TcbPolicy policy, Check check,
      Check expired, String what, List<Validity> windows) throws AttestationException {
    X509Certificate root = json.verify(roots(), check, what);
    requireAllowed(root, policy, what);
    windows.addAll(CertChain.windows(json.chain(), root, expired, what + " signing"));
    return root;
  }

  private static <T> T parse(SignedJson json, String what,
      Function<com.fasterxml.jackson.databind.JsonNode, T> parser) throws AttestationException {
    try {
      return parser.apply(json.json(what));
    } catch (IllegalArgumentException e) {
      throw new AttestationException(Check.COLLATERAL_FORMAT, what + ": " + e.getMessage(), e);
    }
  }

  private static void checkRootCrl(X509CRL crl, X509Certificate root, List<Validity> crlWindows)
      throws AttestationException {
    if (!crl.getIssuerX500Principal().equals(root.getSubjectX500Principal())
        || !signedBy(crl, root.getPublicKey())) {
      throw new AttestationException(Check.ROOT_CRL, "the root CA CRL (issuer '"
          + crl.getIssuerX500Principal().getName() + "') is not signed by the root the TCB info "
          + "chains to ('" + root.getSubjectX500Principal().getName() + "')");
    }
    crlWindows.add(Validity.of(Check.ROOT_CRL, "the root CA CRL", crl));
  }

  private static Optional<X509Certificate> checkPckCrl(Collateral c, X509Certificate root,
      List<Validity> windows, List<Validity> crlWindows) throws AttestationException {
    crlWindows.add(Validity.of(Check.PCK_CRL, "the PCK CRL", c.pckCrl));
    if (c.pckCrlIssuerChain.isEmpty()) {
      return Optional.empty(); // checked against the quote's PCK CA instead
    }
    X509Certificate crlRoot = CertChain.verify(c.pckCrlIssuerChain, roots(), Check.PCK_CRL,
        "PCK CRL issuer chain");
    X509Certificate issuer = c.pckCrlIssuerChain.get(0);
    if (!CertChain.sameCertificate(crlRoot, root) || !signedBy(c.pckCrl, issuer.getPublicKey())) {
      throw new AttestationException(Check.PCK_CRL, "the PCK CRL is not signed by its issuer "
          + "chain, or that chain has another root than the TCB info");
    }
    notRevoked(c.rootCaCrl, List.of(issuer), Check.ROOT_CRL, "PCK CRL issuer");
    windows.addAll(CertChain.windows(c.pckCrlIssuerChain, crlRoot, Check.PCK_CRL, "PCK CRL issuer"));
    return Optional.of(issuer);
  }

  static void notRevoked(X509CRL crl, List<X509Certificate> certs, Check check, String what)
      throws AttestationException {
    for (X509Certificate cert : certs) {
      if (crl.isRevoked(cert)) {
        throw new AttestationException(check, what + " certificate '"
            + cert.getSubjectX500Principal().getName() + "' (serial "
            + cert.getSerialNumber().toString(16) + ") is revoked by " + check
            + ": this platform or signer must not be trusted");
      }
    }
  }

  static boolean signedBy(X509CRL crl, PublicKey key) {
    try {
      crl.verify(key);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static List<X509Certificate> roots() {
    return TrustAnchor.all().stream().map(TrustAnchor::certificate).toList();
  }

  static void requireAllowed(X509Certificate root, TcbPolicy policy, String what)
      throws AttestationException {
    if (!policy.allowsSimulation() && CertChain.sameCertificate(root,
        TrustAnchor.simulationRootCa().certificate())) {
      throw new AttestationException(Check.SIMULATION_ROOT, what + " chains to the INSECURE aex "
          + "simulation root, which this policy does not trust: this is simulated evidence, not "
          + "a genuine SGX platform (allow it only in tests, with TcbPolicy.builder().allowSimulation())");
    }
  }
}
