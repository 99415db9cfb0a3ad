package dev.aex.attestation;

import dev.aex.attestation.internal.ParsedQuote;
import dev.aex.attestation.internal.QuoteParser;

/**
 * A parsed Intel DCAP quote: SGX v3, v4 or v5, or TDX v4 or v5, with an ECDSA P-256 attestation
 * key and a PCK certificate chain as certification data (the layout is drawn on the parser,
 * {@code dev.aex.attestation.internal.QuoteParser}).
 *
 * <p>Parsing checks only the structure: nothing here is authenticated. Use {@link QuoteVerifier}
 * before trusting any field.
 */
public final class DcapQuote {
  private final ParsedQuote parsed;

  private DcapQuote(ParsedQuote parsed) {
    this.parsed = parsed;
  }

  /**
   * Parses {@code quote}, which may carry zero padding after its end.
   *
   * @throws AttestationException with {@link Check#QUOTE_FORMAT} if it is truncated, a length
   *     does not match the structure, or the version, key type, TEE type or certification data
   *     type is not supported; the message names the field and offset
   */
  public static DcapQuote parse(byte[] quote) throws AttestationException {
    return new DcapQuote(QuoteParser.parse(quote.clone()));
  }

  /** 3, 4 or 5. */
  public int version() {
    return parsed.version();
  }

  public TeeType teeType() {
    return parsed.teeType();
  }

  /** The header's QE SVN (v3; reserved in later versions). */
  public int qeSvn() {
    return parsed.qeSvn();
  }

  /** The header's PCE SVN (v3; reserved in later versions). */
  public int pceSvn() {
    return parsed.pceSvn();
  }

  /** The 20 bytes of header user data (the first 16 are the QE's platform id). */
  public HexBytes userData() {
    return parsed.userData();
  }

  /** The attested report: {@link SgxReportBody} or {@link TdxReportBody}. */
  public ReportBody body() {
    return parsed.body();
  }

  /** The quoting enclave's report, signed by the PCK key. */
  public SgxReportBody qeReport() {
    return parsed.qeReport();
  }

  /** The attestation public key, x || y (64 bytes). */
  public HexBytes attestationKey() {
    return parsed.attestationKey();
  }

  /** The PEM certificate chain from the certification data: PCK leaf, PCK CA, root. */
  public HexBytes pckCertificateChainPem() {
    return parsed.pckChainPem();
  }

  ParsedQuote parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return "DcapQuote[v" + version() + " " + teeType() + ", " + body() + "]";
  }
}
