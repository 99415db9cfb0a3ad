package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.Check;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A time window [from, until) in which one piece of collateral may be used, and the check that
 * fails outside it. Kept with verified collateral so reuse at a later "now" re-checks them all.
 */
public record Validity(Check check, String what, Instant from, Instant until) {

  /** A certificate's window; X.509 validity includes notAfter, so the end is one second later. */
  public static Validity of(Check check, String what, X509Certificate cert) {
    return new Validity(check, what + " '" + cert.getSubjectX500Principal().getName() + "'",
        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant().plusSeconds(1));
  }

  /** A CRL's [thisUpdate, nextUpdate); a CRL without nextUpdate is never current. */
  public static Validity of(Check check, String what, X509CRL crl) {
    Instant next = Optional.ofNullable(crl.getNextUpdate()).map(d -> d.toInstant())
        .orElse(Instant.MIN);
    return new Validity(check, what, crl.getThisUpdate().toInstant(), next);
  }

  public void check(Instant now) throws AttestationException {
    if (now.isBefore(from) || !now.isBefore(until)) {
      throw new AttestationException(check, what + " is valid from " + from + " until " + until
          + ", not at " + now + ": fetch current collateral from Intel PCS (or check the clock)");
    }
  }
}
