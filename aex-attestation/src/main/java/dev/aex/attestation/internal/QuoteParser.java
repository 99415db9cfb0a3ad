package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.ReportBody;
import dev.aex.attestation.SgxReportBody;
import dev.aex.attestation.TdxReportBody;
import dev.aex.attestation.TeeType;

/**
 * Parses Intel DCAP quotes v3, v4 and v5 (ECDSA P-256 attestation keys), by their length fields.
 *
 * <pre>
 * header (48): [version:u16][att_key_type:u16][tee_type:u32][qe_svn:u16][pce_svn:u16]
 *              [qe_vendor_id:16][user_data:20]
 * v3:          [SGX body:384]
 * v4:          [SGX body:384 | TD 1.0 body:584]
 * v5:          [body_type:u16][body_size:u32][body]     (1 SGX, 2 TD 1.0, 3 TD 1.5)
 * then:        [sig_data_len:u32][signature:64][attestation_key:64] and
 *   v3:        [qe_report:384][qe_report_sig:64][auth_len:u16][auth][5:u16][len:u32][PEM chain]
 *   v4, v5:    [6:u16][len:u32]( the same QE report certification data )
 * </pre>
 *
 * The declared lengths must match the parsed structure exactly. Bytes after the signature data
 * are ignored: they are neither signed nor used, and real quotes carry some (dcap-qvl's v4 TDX
 * sample has zero padding, go-tdx-guest's has an ASCII test trailer).
 */
public final class QuoteParser {
  private static final int ECDSA_P256 = 2;
  private static final int CERT_PCK_CHAIN = 5;
  private static final int CERT_QE_REPORT = 6;
  private static final HexBytes INTEL_QE_VENDOR =
      HexBytes.fromHex("939a7233f79c4ca9940a0db3957f0607");

  private QuoteParser() {}

  public static ParsedQuote parse(byte[] quote) throws AttestationException {
    LeReader in = new LeReader(quote, 0, quote.length);
    int version = in.u16("version");
    if (version < 3 || version > 5) {
      throw LeReader.format("version: " + version + " (expected: 3, 4 or 5)");
    }
    int keyType = in.u16("att_key_type");
    if (keyType != ECDSA_P256) {
      throw LeReader.format("att_key_type: " + keyType + " (expected: 2, ECDSA P-256)");
    }
    TeeType tee = teeType(in.u32("tee_type"), version);
    int qeSvn = in.u16("qe_svn");
    int pceSvn = in.u16("pce_svn");
    HexBytes vendor = in.bytes("qe_vendor_id", 16);
    if (!vendor.equals(INTEL_QE_VENDOR)) {
      throw LeReader.format("qe_vendor_id: " + vendor + " (expected: Intel's " + INTEL_QE_VENDOR + ")");
    }
    HexBytes userData = in.bytes("user_data", 20);
    ReportBody body = body(in, version, tee);
    HexBytes signed = HexBytes.copyOf(quote, 0, in.position());
    LeReader sig = in.slice("signature data", in.u32("sig_data_len"));
    return signatureData(sig, version, tee, qeSvn, pceSvn, vendor, userData, body, signed);
  }

  private static TeeType teeType(int code, int version) throws AttestationException {
    if (code == TeeType.SGX.code()) {
      return TeeType.SGX;
    }
    if (code == TeeType.TDX.code() && version >= 4) {
      return TeeType.TDX;
    }
    throw LeReader.format("tee_type: 0x" + Integer.toHexString(code) + " in a v" + version
        + " quote (expected: 0 for SGX" + (version >= 4 ? " or 0x81 for TDX)" : "; v3 is SGX only)"));
  }

  private static ReportBody body(LeReader in, int version, TeeType tee) throws AttestationException {
    if (version < 5) {
      return tee == TeeType.SGX
          ? ReportBodies.sgx(in.slice("SGX report body", SgxReportBody.SIZE))
          : ReportBodies.tdx(in.slice("TD report body", TdxReportBody.SIZE_1_0), false);
    }
    int type = in.u16("body_type");
    int size = in.u32("body_size");
    int expected = switch (type) {
      case 1 -> SgxReportBody.SIZE;
      case 2 -> TdxReportBody.SIZE_1_0;
      case 3 -> TdxReportBody.SIZE_1_5;
      default -> throw LeReader.format("body_type: " + type + " (expected: 1 SGX, 2 TD 1.0, 3 TD 1.5)");
    };
    if (size != expected || (type == 1) != (tee == TeeType.SGX)) {
      throw LeReader.format("body_type " + type + " with body_size " + size + " in a " + tee
          + " quote (expected: body_size " + expected + " and a body type of that TEE)");
    }
    LeReader slice = in.slice("report body", size);
    return type == 1 ? ReportBodies.sgx(slice) : ReportBodies.tdx(slice, type == 3);
  }

  private static ParsedQuote signatureData(LeReader sig, int version, TeeType tee, int qeSvn,
      int pceSvn, HexBytes vendor, HexBytes userData, ReportBody body, HexBytes signed)
      throws AttestationException {
    HexBytes signature = sig.bytes("quote signature", 64);
    HexBytes attestationKey = sig.bytes("attestation key", 64);
    LeReader qe = version == 3 ? sig : certificationData(sig, CERT_QE_REPORT, "QE report data");
    HexBytes qeReportBytes = qe.bytes("QE report", SgxReportBody.SIZE);
    SgxReportBody qeReport = ReportBodies.sgx(new LeReader(qeReportBytes.toByteArray(), 0,
        SgxReportBody.SIZE));
    HexBytes qeSignature = qe.bytes("QE report signature", 64);
    HexBytes auth = qe.bytes("QE authentication data", qe.u16("auth_data_len"));
    LeReader pem = certificationData(qe, CERT_PCK_CHAIN, "PCK certificate chain");
    HexBytes chain = pem.bytes("PCK certificate chain", pem.remaining());
    qe.expectEnd("QE report certification data");
    sig.expectEnd("signature data (sig_data_len)");
    return new ParsedQuote(version, tee, qeSvn, pceSvn, vendor, userData, body, signed, signature,
        attestationKey, qeReportBytes, qeReport, qeSignature, auth, chain);
  }

  private static LeReader certificationData(LeReader in, int expectedType, String what)
      throws AttestationException {
    int type = in.u16("certification data type");
    if (type != expectedType) {
      throw LeReader.format("certification data type: " + type + " (expected: " + expectedType
          + ", " + what + "; other types are not supported)");
    }
    return in.slice(what, in.u32("certification data size"));
  }
}
