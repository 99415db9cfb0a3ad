package dev.aex.attestation.internal;

import dev.aex.attestation.SgxReportBody;

/** Encodes an SGX report body in the 384-byte layout drawn on {@link SgxReportBody}. */
public final class ReportEncoder {
  private ReportEncoder() {}

  public static byte[] sgx(SgxReportBody body) {
    return new LeWriter()
        .bytes(body.cpuSvn()).u32(body.miscSelect()).zeros(28)
        .bytes(body.attributes()).bytes(body.mrEnclave()).zeros(32)
        .bytes(body.mrSigner()).zeros(96)
        .u16(body.isvProdId()).u16(body.isvSvn()).zeros(60)
        .bytes(body.reportData())
        .toByteArray();
  }
}
