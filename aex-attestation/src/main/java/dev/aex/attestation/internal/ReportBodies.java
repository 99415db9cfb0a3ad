package dev.aex.attestation.internal;

import dev.aex.attestation.AttestationException;
import dev.aex.attestation.HexBytes;
import dev.aex.attestation.SgxReportBody;
import dev.aex.attestation.TdxReportBody;
import java.util.ArrayList;
import java.util.List;

/** Decodes SGX and TD report bodies; the layouts are drawn on the record types. */
final class ReportBodies {
  private static final int MEASUREMENT_48 = 48;

  private ReportBodies() {}

  static SgxReportBody sgx(LeReader in) throws AttestationException {
    HexBytes cpuSvn = in.bytes("cpu_svn", 16);
    int miscSelect = in.u32("misc_select");
    in.bytes("reserved1", 28);
    HexBytes attributes = in.bytes("attributes", 16);
    HexBytes mrEnclave = in.bytes("mr_enclave", 32);
    in.bytes("reserved2", 32);
    HexBytes mrSigner = in.bytes("mr_signer", 32);
    in.bytes("reserved3", 96);
    int prodId = in.u16("isv_prod_id");
    int svn = in.u16("isv_svn");
    in.bytes("reserved4", 60);
    HexBytes reportData = in.bytes("report_data", 64);
    return new SgxReportBody(cpuSvn, miscSelect, attributes, mrEnclave, mrSigner, prodId, svn,
        reportData);
  }

  static TdxReportBody tdx(LeReader in, boolean td15) throws AttestationException {
    HexBytes teeTcbSvn = in.bytes("tee_tcb_svn", 16);
    HexBytes mrSeam = in.bytes("mr_seam", MEASUREMENT_48);
    HexBytes mrSignerSeam = in.bytes("mrsigner_seam", MEASUREMENT_48);
    HexBytes seamAttributes = in.bytes("seam_attributes", 8);
    HexBytes tdAttributes = in.bytes("td_attributes", 8);
    HexBytes xfam = in.bytes("xfam", 8);
    HexBytes mrTd = in.bytes("mr_td", MEASUREMENT_48);
    HexBytes mrConfigId = in.bytes("mr_config_id", MEASUREMENT_48);
    HexBytes mrOwner = in.bytes("mr_owner", MEASUREMENT_48);
    HexBytes mrOwnerConfig = in.bytes("mr_owner_config", MEASUREMENT_48);
    List<HexBytes> rtmrs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rtmrs.add(in.bytes("rtmr" + i, MEASUREMENT_48));
    }
    HexBytes reportData = in.bytes("report_data", 64);
    HexBytes teeTcbSvn2 = td15 ? in.bytes("tee_tcb_svn2", 16) : HexBytes.of();
    HexBytes mrServiceTd = td15 ? in.bytes("mr_servicetd", MEASUREMENT_48) : HexBytes.of();
    return new TdxReportBody(teeTcbSvn, mrSeam, mrSignerSeam, seamAttributes, tdAttributes, xfam,
        mrTd, mrConfigId, mrOwner, mrOwnerConfig, rtmrs, reportData, teeTcbSvn2, mrServiceTd);
  }
}
