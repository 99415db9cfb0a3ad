package dev.aex.attestation;

/**
 * The attested part of a quote: an SGX enclave report or a TDX TD report. Both carry 64 bytes of
 * report data chosen by the attested code (aex binds the module's ephemeral key there) and a
 * debug flag.
 */
public sealed interface ReportBody permits SgxReportBody, TdxReportBody {
  /** The 64 bytes of report data. */
  HexBytes reportData();

  /** True if the enclave or TD runs in debug mode, where the host can read its memory. */
  boolean debug();
}
