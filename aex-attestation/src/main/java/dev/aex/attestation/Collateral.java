package dev.aex.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aex.attestation.internal.Pem;
import dev.aex.attestation.internal.SignedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything besides the quote that DCAP verification needs, as Intel PCS serves it: the root CA
 * CRL, the PCK CRL (and its issuer chain, optional: the quote carries the PCK CA), the TCB info
 * for the platform's FMSPC and the QE identity, each with its signature and issuer chain.
 *
 * <p>A {@code Collateral} is parsed, not verified; it is explicit so that verification can run
 * offline and collateral can be fetched once and cached. {@link #verify} checks it once and
 * gives a {@link VerifiedCollateral} to reuse for many quotes.
 */
public final class Collateral {
  private static final ObjectMapper JSON = new ObjectMapper();

  final X509CRL rootCaCrl;
  final X509CRL pckCrl;
  final List<X509Certificate> pckCrlIssuerChain;
  final SignedJson tcbInfo;
  final SignedJson qeIdentity;

  private Collateral(Builder b) throws AttestationException {
    this.rootCaCrl = crl("root CA CRL", require(b.rootCaCrl, "rootCaCrl"));
    this.pckCrl = crl("PCK CRL", require(b.pckCrl, "pckCrl"));
    this.pckCrlIssuerChain = b.pckCrlIssuerChain.length == 0 ? List.of()
        : chain("PCK CRL issuer chain", b.pckCrlIssuerChain);
    this.tcbInfo = require(b.tcbInfo, "tcbInfo").parse("TCB info");
    this.qeIdentity = require(b.qeIdentity, "qeIdentity").parse("QE identity");
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads dcap-qvl's collateral bundle: one JSON object with {@code pck_crl}, {@code root_ca_crl}
   * (DER as hex), {@code pck_crl_issuer_chain}, {@code tcb_info_issuer_chain},
   * {@code qe_identity_issuer_chain} (PEM), {@code tcb_info}, {@code qe_identity} (the signed
   * JSON text) and {@code tcb_info_signature}, {@code qe_identity_signature} (hex r || s).
   */
  public static Collateral fromDcapQvlJson(byte[] bundle) throws AttestationException {
    try {
      JsonNode json = JSON.readTree(bundle);
      return builder()
          .rootCaCrl(hex(json, "root_ca_crl"))
          .pckCrl(hex(json, "pck_crl"))
          .pckCrlIssuerChain(utf8(json, "pck_crl_issuer_chain"))
          .tcbInfo(utf8(json, "tcb_info"), text(json, "tcb_info_signature"),
              utf8(json, "tcb_info_issuer_chain"))
          .qeIdentity(utf8(json, "qe_identity"), text(json, "qe_identity_signature"),
              utf8(json, "qe_identity_issuer_chain"))
          .build();
    } catch (IOException | IllegalArgumentException e) {
      throw new AttestationException(Check.COLLATERAL_FORMAT,
          "not a dcap-qvl collateral bundle: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the collateral at {@code now}: the TCB info and QE identity issuer chains and
   * signatures, their validity windows, the root CA CRL and the PCK CRL with their issuers.
   *
   * @throws AttestationException naming the failed check
   */
  public VerifiedCollateral verify(TcbPolicy policy, Instant now) throws AttestationException {
    return CollateralChecks.verify(this, policy, now);
  }

  private static X509CRL crl(String what, byte[] der) throws AttestationException {
    try {
      return Pem.crl(der);
    } catch (CertificateException e) {
      throw new AttestationException(Check.COLLATERAL_FORMAT, what + ": " + e.getMessage(), e);
    }
  }

  static List<X509Certificate> chain(String what, byte[] pem) throws AttestationException {
    try {
      return Pem.certificates(pem);
    } catch (CertificateException e) {
      throw new AttestationException(Check.COLLATERAL_FORMAT, what + ": " + e.getMessage(), e);
    }
  }

  private static <T> T require(T value, String what) throws AttestationException {
    if (value == null) {
      throw new AttestationException(Check.COLLATERAL_FORMAT, what + " is missing from the "
          + "collateral: set it on Collateral.builder()");
    }
    return value;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' missing or not a string");
    }
    return value.asText();
  }

  private static byte[] utf8(JsonNode json, String field) {
    return text(json, field).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hex(JsonNode json, String field) {
    return HexFormat.of().parseHex(text(json, field));
  }

  /**
   * Collects collateral parts; {@link #build} parses them. The builder holds raw bytes, so it
   * never throws before {@code build}.
   */
  public static final class Builder {
    private byte[] rootCaCrl;
    private byte[] pckCrl;
    private byte[] pckCrlIssuerChain = new byte[0];
    private SignedJsonSource tcbInfo;
    private SignedJsonSource qeIdentity;

    private Builder() {}

    /** The Intel SGX Root CA CRL, DER or PEM. */
    public Builder rootCaCrl(byte[] crl) {
      this.rootCaCrl = crl.clone();
      return this;
    }

    /** The CRL of the PCK CA (Processor or Platform) that issued the quote's PCK, DER or PEM. */
    public Builder pckCrl(byte[] crl) {
      this.pckCrl = crl.clone();
      return this;
    }

    /** The PCK CRL's issuer chain in PEM; optional, the quote's own PCK CA is used otherwise. */
    public Builder pckCrlIssuerChain(byte[] pem) {
      this.pckCrlIssuerChain = pem.clone();
      return this;
    }

    /** The signed TCB info JSON text, its hex r || s signature and issuer chain (PEM). */
    public Builder tcbInfo(byte[] signedJson, String signatureHex, byte[] issuerChainPem) {
      this.tcbInfo = new SignedJsonSource(signedJson.clone(), signatureHex, issuerChainPem.clone(), "");
      return this;
    }

    /** An Intel PCS TCB info response body {@code {"tcbInfo":{...},"signature":"..."}}. */
    public Builder tcbInfoResponse(byte[] response, byte[] issuerChainPem) {
      this.tcbInfo = new SignedJsonSource(response.clone(), "", issuerChainPem.clone(), "tcbInfo");
      return this;
    }

    /** The signed QE identity JSON text, its hex r || s signature and issuer chain (PEM). */
    public Builder qeIdentity(byte[] signedJson, String signatureHex, byte[] issuerChainPem) {
      this.qeIdentity = new SignedJsonSource(signedJson.clone(), signatureHex, issuerChainPem.clone(), "");
      return this;
    }

    /** An Intel PCS QE identity response body {@code {"enclaveIdentity":{...},"signature":"..."}}. */
    public Builder qeIdentityResponse(byte[] response, byte[] issuerChainPem) {
      this.qeIdentity = new SignedJsonSource(response.clone(), "", issuerChainPem.clone(),
          "enclaveIdentity");
      return this;
    }

    /** @throws AttestationException with {@link Check#COLLATERAL_FORMAT} if a part is missing or unreadable */
    public Collateral build() throws AttestationException {
      return new Collateral(this);
    }
  }

  /** A signed JSON part as given: the raw text and signature, or a PCS response to cut them from. */
  private record SignedJsonSource(byte[] bytes, String signatureHex, byte[] chainPem, String field) {
    SignedJson parse(String what) throws AttestationException {
      List<X509Certificate> chain = chain(what + " issuer chain", chainPem);
      return field.isEmpty()
          ? new SignedJson(HexBytes.of(bytes), SignedJson.signatureHex(signatureHex), chain)
          : SignedJson.fromPcsResponse(bytes, field, chain);
    }
  }
}
