package dev.aex.attestation.simulation;

import static dev.aex.attestation.internal.DerWriter.bitString;
import static dev.aex.attestation.internal.DerWriter.bool;
import static dev.aex.attestation.internal.DerWriter.concat;
import static dev.aex.attestation.internal.DerWriter.explicit;
import static dev.aex.attestation.internal.DerWriter.integer;
import static dev.aex.attestation.internal.DerWriter.octetString;
import static dev.aex.attestation.internal.DerWriter.oid;
import static dev.aex.attestation.internal.DerWriter.sequence;
import static dev.aex.attestation.internal.DerWriter.set;
import static dev.aex.attestation.internal.DerWriter.time;
import static dev.aex.attestation.internal.DerWriter.utf8;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes the few X.509 structures the simulation needs (RFC 5280): certificates with
 * basicConstraints and an optional SGX extension, and v1 CRLs, all signed with ECDSA P-256.
 */
final class X509Builder {
  private static final byte[] ECDSA_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));

  private X509Builder() {}

  /** A name of common name {@code cn}, organisation "aex simulation (INSECURE)". */
  static byte[] name(String cn) {
    return sequence(
        set(sequence(oid("2.5.4.3"), utf8(cn))),
        set(sequence(oid("2.5.4.10"), utf8("aex simulation (INSECURE)"))));
  }

  /** A certificate; {@code sgxExtension} is the DER of the SGX extension value, or empty. */
  static X509Certificate certificate(long serial, byte[] issuer, byte[] subject, PublicKey key,
      boolean ca, byte[] sgxExtension, PrivateKey issuerKey) throws GeneralSecurityException {
    ZonedDateTime from = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    byte[] basic = extension("2.5.29.19", true, ca ? sequence(bool(true)) : sequence());
    byte[] extensions = sgxExtension.length == 0 ? basic
        : concat(basic, extension("1.2.840.113741.1.13.1", false, sgxExtension));
    byte[] tbs = sequence(explicit(0, integer(2)), integer(serial), ECDSA_SHA256, issuer,
        sequence(time(from), time(from.plusYears(60))), subject, key.getEncoded(),
        explicit(3, sequence(extensions)));
    byte[] der = sequence(tbs, ECDSA_SHA256, bitString(sign(issuerKey, tbs)));
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
  }

  /** A v1 CRL by {@code issuer}, valid [thisUpdate, nextUpdate), revoking {@code revoked}. */
  static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, ZonedDateTime thisUpdate,
      ZonedDateTime nextUpdate, List<BigInteger> revoked) throws GeneralSecurityException {
    byte[] entries = new byte[0];
    for (BigInteger serial : revoked) {
      entries = concat(entries, sequence(integer(serial), time(thisUpdate)));
    }
    byte[] tbs = concat(ECDSA_SHA256, issuer.getSubjectX500Principal().getEncoded(),
        time(thisUpdate), time(nextUpdate), revoked.isEmpty() ? new byte[0] : sequence(entries));
    byte[] body = sequence(tbs);
    byte[] der = sequence(body, ECDSA_SHA256, bitString(sign(issuerKey, body)));
    return (X509CRL) CertificateFactory.getInstance("X.509")
        .generateCRL(new ByteArrayInputStream(der));
  }

  private static byte[] extension(String id, boolean critical, byte[] value) {
    return critical ? sequence(oid(id), bool(true), octetString(value))
        : sequence(oid(id), octetString(value));
  }

  private static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(data);
    return signer.sign();
  }
}
