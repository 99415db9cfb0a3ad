package dev.aex.attestation;

/**
 * What a TDX trust domain must be for its quote to be accepted: the expected MRTD, whether debug
 * TDs are accepted (never by default), and the {@link TcbPolicy}. RTMRs, MRCONFIGID and the
 * owner fields are not checked here; read them from {@link VerifiedQuote#tdxBody()}.
 */
public final class TdxPolicy {
  private final HexBytes mrTd;
  private final boolean allowDebug;
  private final TcbPolicy tcb;

  private TdxPolicy(HexBytes mrTd, boolean allowDebug, TcbPolicy tcb) {
    this.mrTd = mrTd;
    this.allowDebug = allowDebug;
    this.tcb = tcb;
  }

  /** Accept only this TD measurement (48 bytes), not debug, under {@code tcb}. */
  public static TdxPolicy of(HexBytes mrTd, TcbPolicy tcb) {
    return new TdxPolicy(SgxPolicy.requireSize("mrTd", mrTd, 48), false, tcb);
  }

  /** This policy, but also accepting debug TDs. For development only. */
  public TdxPolicy allowingDebug() {
    return new TdxPolicy(mrTd, true, tcb);
  }

  public HexBytes mrTd() {
    return mrTd;
  }

  public boolean allowsDebug() {
    return allowDebug;
  }

  public TcbPolicy tcb() {
    return tcb;
  }

  @Override
  public String toString() {
    return "TdxPolicy[mrTd=" + mrTd + (allowDebug ? ", DEBUG ALLOWED" : "") + ", " + tcb + "]";
  }
}
