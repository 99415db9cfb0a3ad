package dev.aex.attestation;

/**
 * An SGX report body (384 bytes; Intel SGX DCAP quote layout). Offsets are relative to the body:
 *
 * <pre>
 * [cpu_svn:16 @0][misc_select:u32 @16][reserved:28][attributes:16 @48][mr_enclave:32 @64]
 * [reserved:32][mr_signer:32 @128][reserved:96][isv_prod_id:u16 @256][isv_svn:u16 @258]
 * [reserved:60][report_data:64 @320]
 * </pre>
 *
 * <p>The same layout is used for the quoting enclave's own report inside the quote.
 */
public record SgxReportBody(
    HexBytes cpuSvn,
    int miscSelect,
    HexBytes attributes,
    HexBytes mrEnclave,
    HexBytes mrSigner,
    int isvProdId,
    int isvSvn,
    HexBytes reportData)
    implements ReportBody {

  /** The size of an SGX report body. */
  public static final int SIZE = 384;

  private static final int DEBUG_FLAG = 0x02;

  /** Bit 1 of the attribute flags (the low byte of the little-endian u64 at offset 48). */
  @Override
  public boolean debug() {
    return (attributes.get(0) & DEBUG_FLAG) != 0;
  }
}
