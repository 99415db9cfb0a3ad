package dev.aex.attestation;

import dev.aex.attestation.internal.QeIdentity;
import dev.aex.attestation.internal.TcbInfo;
import dev.aex.attestation.internal.Validity;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Collateral whose signatures, chains and CRLs were checked once, to verify many quotes without
 * repeating that work. Only {@link Collateral#verify} makes one. It keeps every validity window
 * it depends on, and {@link QuoteVerifier} re-checks them at each quote's "now", so a cached
 * instance can never be used after its TCB info, QE identity, CRLs or signing certificates
 * expire.
 */
public final class VerifiedCollateral {
  final TcbInfo tcbInfo;
  final QeIdentity qeIdentity;
  final X509CRL rootCaCrl;
  final X509CRL pckCrl;
  final Optional<X509Certificate> pckCrlIssuer;
  final boolean simulation;
  /** Certificates already parsed (PCK CRL issuer chain, roots), reused when a quote repeats them. */
  final List<X509Certificate> knownCertificates;
  private final List<Validity> windows;
  private final List<Validity> crlWindows;

  VerifiedCollateral(TcbInfo tcbInfo, QeIdentity qeIdentity, X509CRL rootCaCrl, X509CRL pckCrl,
      Optional<X509Certificate> pckCrlIssuer, boolean simulation,
      List<X509Certificate> knownCertificates, List<Validity> windows, List<Validity> crlWindows) {
    this.tcbInfo = tcbInfo;
    this.qeIdentity = qeIdentity;
    this.rootCaCrl = rootCaCrl;
    this.pckCrl = pckCrl;
    this.pckCrlIssuer = pckCrlIssuer;
    this.simulation = simulation;
    this.knownCertificates = List.copyOf(knownCertificates);
    this.windows = List.copyOf(windows);
    this.crlWindows = List.copyOf(crlWindows);
  }

  /** The FMSPC the TCB info is for. */
  public HexBytes fmspc() {
    return tcbInfo.fmspc();
  }

  public TeeType teeType() {
    return tcbInfo.tee();
  }

  public int tcbEvaluationDataNumber() {
    return tcbInfo.tcbEvaluationDataNumber();
  }

  /** The first instant at which every part, CRLs included, is valid. */
  public Instant validFrom() {
    return all().map(Validity::from).max(Instant::compareTo).orElseThrow();
  }

  /** The first instant at which some part is no longer valid; fetch new collateral before it. */
  public Instant validUntil() {
    return all().map(Validity::until).min(Instant::compareTo).orElseThrow();
  }

  private Stream<Validity> all() {
    return Stream.concat(windows.stream(), crlWindows.stream());
  }

  /** True if it chains to the INSECURE simulation root. */
  public boolean isSimulation() {
    return simulation;
  }

  /**
   * Re-checks every validity window at {@code now}; the CRLs' only if {@code policy} does not
   * ignore CRL expiry (the policy of each quote decides, not the one the collateral was
   * verified under).
   */
  void checkCurrent(Instant now, TcbPolicy policy) throws AttestationException {
    for (Validity window : policy.ignoresCrlExpiry() ? windows : all().toList()) {
      window.check(now);
    }
  }

  @Override
  public String toString() {
    return "VerifiedCollateral[" + teeType() + " FMSPC " + fmspc() + ", valid " + validFrom()
        + " to " + validUntil() + (simulation ? ", SIMULATION" : "") + "]";
  }
}
