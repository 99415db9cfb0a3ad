package dev.aex.attestation;

import java.util.List;

/**
 * A TDX TD report body: TD 1.0 (584 bytes, quote v4 and v5 body type 2) or TD 1.5 (648 bytes,
 * quote v5 body type 3, which adds {@code tee_tcb_svn2} and {@code mr_servicetd}; both are empty
 * for TD 1.0). Layout, relative to the body:
 *
 * <pre>
 * [tee_tcb_svn:16][mr_seam:48][mrsigner_seam:48][seam_attributes:8][td_attributes:8][xfam:8]
 * [mr_td:48][mr_config_id:48][mr_owner:48][mr_owner_config:48][rtmr0..3:4x48][report_data:64]
 * TD 1.5 only: [tee_tcb_svn2:16][mr_servicetd:48]
 * </pre>
 */
public record TdxReportBody(
    HexBytes teeTcbSvn,
    HexBytes mrSeam,
    HexBytes mrSignerSeam,
    HexBytes seamAttributes,
    HexBytes tdAttributes,
    HexBytes xfam,
    HexBytes mrTd,
    HexBytes mrConfigId,
    HexBytes mrOwner,
    HexBytes mrOwnerConfig,
    List<HexBytes> rtmrs,
    HexBytes reportData,
    HexBytes teeTcbSvn2,
    HexBytes mrServiceTd)
    implements ReportBody {

  /** The size of a TD 1.0 report body. */
  public static final int SIZE_1_0 = 584;

  /** The size of a TD 1.5 report body. */
  public static final int SIZE_1_5 = 648;

  public TdxReportBody {
    rtmrs = List.copyOf(rtmrs);
  }

  /** Bit 0 of the first TD attributes byte (TUD.DEBUG). */
  @Override
  public boolean debug() {
    return (tdAttributes.get(0) & 0x01) != 0;
  }
}
