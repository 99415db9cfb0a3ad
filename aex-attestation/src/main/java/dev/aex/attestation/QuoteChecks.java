package dev.aex.attestation;

import dev.aex.attestation.internal.CertChain;
import dev.aex.attestation.internal.Ecdsa;
import dev.aex.attestation.internal.IsvLevel;
import dev.aex.attestation.internal.ParsedQuote;
import dev.aex.attestation.internal.Pem;
import dev.aex.attestation.internal.PckExtension;
import dev.aex.attestation.internal.TcbEvaluator;
import dev.aex.attestation.internal.TcbLevel;
import dev.aex.attestation.internal.Validity;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quote-specific checks, after the collateral's: PCK chain and revocation, QE report
 * signature, attestation key binding, quote signature, QE identity, then the TCB levels.
 */
final class QuoteChecks {
  private QuoteChecks() {}

  static VerifiedQuote appraise(DcapQuote quote, VerifiedCollateral collateral, TcbPolicy policy,
      Instant now) throws AttestationException {
    collateral.checkCurrent(now, policy);
    if (collateral.simulation) {
      CollateralChecks.requireAllowed(TrustAnchor.simulationRootCa().certificate(), policy,
          "the collateral");
    }
    ParsedQuote q = quote.parsed();
    X509Certificate pck = pckChain(q, collateral, policy, now);
    checkQeReport(q, pck.getPublicKey());
    checkQuoteSignature(q);
    IsvLevel qe = TcbEvaluator.qe(collateral.qeIdentity, q.qeReport(), q.teeType());
    PckExtension extension = PckExtension.of(pck);
    Optional<TdxReportBody> td = q.body() instanceof TdxReportBody b ? Optional.of(b) : Optional.empty();
    TcbLevel platform = TcbEvaluator.platform(collateral.tcbInfo, extension, q.teeType(), td);
    Optional<IsvLevel> module = td.isPresent()
        ? TcbEvaluator.tdxModule(collateral.tcbInfo, td.get()) : Optional.empty();
    Set<String> advisories = new LinkedHashSet<>(platform.advisories());
    advisories.addAll(qe.advisories());
    module.ifPresent(m -> advisories.addAll(m.advisories()));
    return new VerifiedQuote(quote, platform.status(), qe.status(), module.map(IsvLevel::status),
        List.copyOf(advisories), extension.fmspc(), platform.tcbDate(),
        collateral.tcbEvaluationDataNumber(), collateral.simulation);
  }

  /** Verifies the quote's PCK chain and its revocation status; returns the PCK leaf. */
  private static X509Certificate pckChain(ParsedQuote q, VerifiedCollateral collateral,
      TcbPolicy policy, Instant now) throws AttestationException {
    List<X509Certificate> chain;
    try {
      chain = Pem.certificates(q.pckChainPem().toByteArray(), collateral.knownCertificates);
    } catch (CertificateException e) {
      throw new AttestationException(Check.PCK_CHAIN, "the quote's PCK certificate chain cannot "
          + "be read: " + e.getMessage(), e);
    }
    X509Certificate root = CertChain.verify(chain, CollateralChecks.roots(), Check.PCK_CHAIN, "PCK");
    CollateralChecks.requireAllowed(root, policy, "the quote's PCK certificate");
    if (chain.size() < 2 || CertChain.sameCertificate(chain.get(1), root)
        || collateral.simulation != CertChain.sameCertificate(root,
            TrustAnchor.simulationRootCa().certificate())) {
      throw new AttestationException(Check.PCK_CHAIN, "the PCK chain must be PCK, PCK CA, root, "
          + "under the same root as the collateral");
    }
    for (Validity window : CertChain.windows(chain, root, Check.PCK_CHAIN, "PCK")) {
      window.check(now);
    }
    checkRevocation(chain.get(0), chain.get(1), collateral);
    return chain.get(0);
  }

  private static void checkRevocation(X509Certificate pck, X509Certificate pckCa,
      VerifiedCollateral collateral) throws AttestationException {
    CollateralChecks.notRevoked(collateral.rootCaCrl, List.of(pckCa), Check.ROOT_CRL, "PCK CA");
    boolean crlIsForIssuer = collateral.pckCrlIssuer
        .map(issuer -> CertChain.sameCertificate(issuer, pckCa))
        .orElseGet(() -> collateral.pckCrl.getIssuerX500Principal()
            .equals(pckCa.getSubjectX500Principal())
            && CollateralChecks.signedBy(collateral.pckCrl, pckCa.getPublicKey()));
    if (!crlIsForIssuer) {
      throw new AttestationException(Check.PCK_CRL, "the PCK CRL (issuer '"
          + collateral.pckCrl.getIssuerX500Principal().getName() + "') is not the CRL of the PCK's "
          + "issuer '" + pckCa.getSubjectX500Principal().getName() + "': fetch the PCK CRL for "
          + "that CA (processor or platform)");
    }
    CollateralChecks.notRevoked(collateral.pckCrl, List.of(pck), Check.PCK_CRL, "PCK");
  }

  private static void checkQeReport(ParsedQuote q, PublicKey pckKey) throws AttestationException {
    if (!Ecdsa.verify(pckKey, q.qeReportBytes().toByteArray(), q.qeReportSignature())) {
      throw new AttestationException(Check.QE_REPORT_SIGNATURE, "the QE report is not signed by "
          + "the PCK key: the quoting enclave's report or the PCK certificate was altered");
    }
    HexBytes expected = HexBytes.of(sha256(q.attestationKey(), q.qeAuthData()));
    HexBytes bound = HexBytes.copyOf(q.qeReport().reportData().toByteArray(), 0, 32);
    HexBytes rest = HexBytes.copyOf(q.qeReport().reportData().toByteArray(), 32, 32);
    if (!(bound.equalsConstantTime(expected) & rest.isZero())) {
      throw new AttestationException(Check.ATTESTATION_KEY_BINDING, "the QE report data is not "
          + "SHA-256(attestation key || QE auth data) followed by zeros: the attestation key was "
          + "not certified by this quoting enclave");
    }
  }

  private static void checkQuoteSignature(ParsedQuote q) throws AttestationException {
    Optional<PublicKey> key = Ecdsa.publicKey(q.attestationKey());
    if (key.isEmpty() || !Ecdsa.verify(key.get(), q.signedBytes().toByteArray(), q.signature())) {
      throw new AttestationException(Check.QUOTE_SIGNATURE, "the quote header and report body are "
          + "not signed by the attestation key: the quote was altered");
    }
  }

  private static byte[] sha256(HexBytes first, HexBytes second) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(first.toByteArray());
      digest.update(second.toByteArray());
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
