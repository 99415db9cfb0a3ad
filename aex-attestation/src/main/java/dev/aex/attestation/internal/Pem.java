package dev.aex.attestation.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Certificates, CRLs and PKCS#8 keys from PEM or DER, as the DCAP formats carry them. */
public final class Pem {
  private Pem() {}

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  /**
   * Every certificate in a PEM chain. Trailing NUL bytes (the quote's certification data ends
   * with one) are ignored; anything unreadable throws {@link CertificateException}.
   */
  public static List<X509Certificate> certificates(byte[] pem) throws CertificateException {
    return certificates(pem, List.of());
  }

  /**
   * The same, reusing the {@code known} certificate object for each block whose DER equals one:
   * a quote repeats the PCK CA and root of its collateral, and parsing X.509 costs more than all
   * of a quote's signature checks.
   */
  public static List<X509Certificate> certificates(byte[] pem, List<X509Certificate> known)
      throws CertificateException {
    String text = new String(pem, StandardCharsets.ISO_8859_1);
    List<X509Certificate> out = new ArrayList<>();
    for (int from = text.indexOf(BEGIN); from >= 0; from = text.indexOf(BEGIN, from)) {
      int end = text.indexOf(END, from);
      if (end < 0) {
        throw new CertificateException("PEM certificate without an END line");
      }
      out.add(certificate(text.substring(from + BEGIN.length(), end), known));
      from = end + END.length();
    }
    if (out.isEmpty()) {
      throw new CertificateException("no certificate in the PEM data");
    }
    return List.copyOf(out);
  }

  private static X509Certificate certificate(String base64, List<X509Certificate> known)
      throws CertificateException {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64);
      for (X509Certificate cert : known) {
        if (Arrays.equals(cert.getEncoded(), der)) {
          return cert;
        }
      }
      return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
    } catch (RuntimeException e) {
      // Bad base64, and some DER corruptions, surface as unchecked exceptions.
      throw new CertificateException("unreadable certificate: " + e, e);
    }
  }

  /** A CRL from DER (or PEM). */
  public static X509CRL crl(byte[] encoded) throws CertificateException {
    try {
      return (X509CRL) factory().generateCRL(new ByteArrayInputStream(encoded));
    } catch (java.security.cert.CRLException | RuntimeException e) {
      throw new CertificateException("unreadable CRL: " + e.getMessage(), e);
    }
  }

  /** A PKCS#8 EC private key from a "PRIVATE KEY" PEM block. */
  public static PrivateKey ecPrivateKey(String pem) throws GeneralSecurityException {
    byte[] der = Base64.getMimeDecoder().decode(body(pem, "PRIVATE KEY"));
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** Encodes DER as a PEM block of {@code type}. */
  public static String encode(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  private static String body(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----";
    int start = pem.indexOf(begin);
    int end = pem.indexOf("-----END " + type + "-----");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("no " + type + " PEM block");
    }
    return pem.substring(start + begin.length(), end);
  }

  /** The concatenated PEM of {@code certificates}. */
  public static byte[] encodeChain(List<X509Certificate> certificates) throws CertificateException {
    StringBuilder out = new StringBuilder();
    for (X509Certificate cert : certificates) {
      out.append(encode("CERTIFICATE", cert.getEncoded()));
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static CertificateFactory factory() throws CertificateException {
    return CertificateFactory.getInstance("X.509");
  }
}
