package dev.aex.attestation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A quote that passed every check of {@link QuoteVerifier} under a policy: its fields are
 * authentic for a platform Intel vouches for (or for the simulation, if {@link #isSimulation()}
 * and the policy allowed it). Only {@code QuoteVerifier} makes one.
 *
 * <p>The TCB status is the merge of the platform, QE and (TDX) module statuses; the advisory ids
 * are their union, platform first.
 */
public final class VerifiedQuote {
  private final DcapQuote quote;
  private final TcbStatus tcbStatus;
  private final List<String> advisoryIds;
  private final TcbStatus platformTcbStatus;
  private final TcbStatus qeTcbStatus;
  private final Optional<TcbStatus> tdxModuleTcbStatus;
  private final HexBytes fmspc;
  private final Instant tcbDate;
  private final int tcbEvaluationDataNumber;
  private final boolean simulation;

  VerifiedQuote(DcapQuote quote, TcbStatus platform, TcbStatus qe, Optional<TcbStatus> tdxModule,
      List<String> advisoryIds, HexBytes fmspc, Instant tcbDate, int tcbEvaluationDataNumber,
      boolean simulation) {
    this.quote = quote;
    this.platformTcbStatus = platform;
    this.qeTcbStatus = qe;
    this.tdxModuleTcbStatus = tdxModule;
    this.tcbStatus = tdxModule.map(platform.combine(qe)::combine).orElse(platform.combine(qe));
    this.advisoryIds = List.copyOf(advisoryIds);
    this.fmspc = fmspc;
    this.tcbDate = tcbDate;
    this.tcbEvaluationDataNumber = tcbEvaluationDataNumber;
    this.simulation = simulation;
  }

  public DcapQuote quote() {
    return quote;
  }

  public ReportBody body() {
    return quote.body();
  }

  /** The SGX report body; this quote came through an {@link SgxPolicy}. */
  public SgxReportBody sgxBody() {
    if (body() instanceof SgxReportBody sgx) {
      return sgx;
    }
    throw new IllegalStateException("a " + quote.teeType() + " quote has no SGX body");
  }

  /** The TD report body; this quote came through a {@link TdxPolicy}. */
  public TdxReportBody tdxBody() {
    if (body() instanceof TdxReportBody tdx) {
      return tdx;
    }
    throw new IllegalStateException("a " + quote.teeType() + " quote has no TD body");
  }

  /** The 64 bytes of report data the attested code chose. */
  public HexBytes reportData() {
    return body().reportData();
  }

  public TcbStatus tcbStatus() {
    return tcbStatus;
  }

  public List<String> advisoryIds() {
    return advisoryIds;
  }

  public TcbStatus platformTcbStatus() {
    return platformTcbStatus;
  }

  public TcbStatus qeTcbStatus() {
    return qeTcbStatus;
  }

  /** The TDX module's status, for TDX modules of major version 1 or later. */
  public Optional<TcbStatus> tdxModuleTcbStatus() {
    return tdxModuleTcbStatus;
  }

  public HexBytes fmspc() {
    return fmspc;
  }

  /** The date of the platform's matching TCB level. */
  public Instant tcbDate() {
    return tcbDate;
  }

  public int tcbEvaluationDataNumber() {
    return tcbEvaluationDataNumber;
  }

  /** True if the quote chains to the INSECURE simulation root (the policy allowed it). */
  public boolean isSimulation() {
    return simulation;
  }

  @Override
  public String toString() {
    return "VerifiedQuote[" + quote.teeType() + " " + tcbStatus + " " + advisoryIds + ", FMSPC "
        + fmspc + (simulation ? ", SIMULATION" : "") + "]";
  }
}
