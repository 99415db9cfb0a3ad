package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a certificate chain, leaf first, up to one of a fixed set of pinned roots: each
 * certificate is signed by the next, names it as issuer, and every issuer is a CA. The chain may end with the pinned root itself or with a certificate the root signed.
 * The JDK's PKIX validator is not used: Intel's chains are short and fixed, and a hand-written
 * walk reports which link failed, where PKIX reports a generic failure. Validity in time is
 * left to {@link #windows}, so that cached collateral can be re-checked at a later "now".
 */
public final class CertChain {
  private CertChain() {}

  /** Verifies {@code chain} and returns the pinned root it ends at. */
  public static X509Certificate verify(List<X509Certificate> chain, List<X509Certificate> roots,
      Check check, String what) throws AttestationException {
    if (chain.isEmpty()) {
      throw new AttestationException(check, what + ": the certificate chain is empty");
    }
    X509Certificate root = root(chain.get(chain.size() - 1), roots, check, what);
    List<X509Certificate> full = new ArrayList<>(chain);
    if (!sameCertificate(full.get(full.size() - 1), root)) {
      full.add(root);
    }
    for (int i = 0; i + 1 < full.size(); i++) {
      checkLink(full.get(i), full.get(i + 1), check, what + " certificate " + i);
    }
    return root;
  }

  /** The validity windows of {@code chain} and its {@code root}, failing as {@code check}. */
  public static List<Validity> windows(List<X509Certificate> chain, X509Certificate root,
      Check check, String what) {
    List<Validity> out = new ArrayList<>();
    for (X509Certificate cert : chain) {
      out.add(Validity.of(check, what + " certificate", cert));
    }
    out.add(Validity.of(check, what + " root", root));
    return out;
  }

  private static X509Certificate root(X509Certificate last, List<X509Certificate> roots,
      Check check, String what) throws AttestationException {
    for (X509Certificate root : roots) {
      if (sameCertificate(last, root) || issuedBy(last, root)) {
        return root;
      }
    }
    throw new AttestationException(check, what + ": the chain ends at '"
        + last.getSubjectX500Principal().getName() + "', which is not a pinned root (expected: "
        + "the Intel SGX Root CA). Use certificates from Intel PCS, or a genuine platform");
  }

  private static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
    if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static void checkLink(X509Certificate cert, X509Certificate issuer, Check check,
      String what) throws AttestationException {
    if (issuer.getBasicConstraints() < 0) {
      throw new AttestationException(check, what + ": issued by '"
          + issuer.getSubjectX500Principal().getName() + "', which is not a CA");
    }
    if (!issuedBy(cert, issuer)) {
      throw new AttestationException(check, what + " ('" + cert.getSubjectX500Principal().getName()
          + "') is not signed by the next certificate in the chain ('"
          + issuer.getSubjectX500Principal().getName() + "'): the chain was altered");
    }
  }

  public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
    try {
      return Arrays.equals(a.getEncoded(), b.getEncoded());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
