package dev.aex.attestation.internal;

import dev.aex.attestation.HexBytes;
import dev.aex.attestation.ReportBody;
import dev.aex.attestation.SgxReportBody;
import dev.aex.attestation.TeeType;

/**
 * Every field of a DCAP quote that verification needs. {@code signedBytes} is the header and
 * body, which the attestation key signs; {@code qeReportBytes} the raw QE report, which the PCK
 * key signs; {@code pckChainPem} the certification data of type 5, NUL terminator included.
 */
public record ParsedQuote(
    int version,
    TeeType teeType,
    int qeSvn,
    int pceSvn,
    HexBytes qeVendorId,
    HexBytes userData,
    ReportBody body,
    HexBytes signedBytes,
    HexBytes signature,
    HexBytes attestationKey,
    HexBytes qeReportBytes,
    SgxReportBody qeReport,
    HexBytes qeReportSignature,
    HexBytes qeAuthData,
    HexBytes pckChainPem) {}
