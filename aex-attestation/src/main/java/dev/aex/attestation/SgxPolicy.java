package dev.aex.attestation;

import java.util.Optional;

/**
 * What an SGX enclave must be for its quote to be accepted: the expected MRENCLAVE, or the
 * expected MRSIGNER with ISV product id and minimum ISV SVN (or both), whether debug enclaves are
 * accepted (never by default), and the {@link TcbPolicy}.
 *
 * <pre>{@code
 * SgxPolicy policy = SgxPolicy.builder()
 *     .mrEnclave(HexBytes.fromHex("33d8..."))
 *     .tcb(TcbPolicy.builder().acceptStatuses(TcbStatus.SW_HARDENING_NEEDED)
 *         .acceptAdvisories("INTEL-SA-00615").build())
 *     .build();
 * }</pre>
 */
public final class SgxPolicy {
  private final Optional<HexBytes> mrEnclave;
  private final Optional<HexBytes> mrSigner;
  private final int isvProdId;
  private final int minIsvSvn;
  private final boolean allowDebug;
  private final TcbPolicy tcb;

  private SgxPolicy(Builder b) {
    this.mrEnclave = b.mrEnclave;
    this.mrSigner = b.mrSigner;
    this.isvProdId = b.isvProdId;
    this.minIsvSvn = b.minIsvSvn;
    this.allowDebug = b.allowDebug;
    this.tcb = b.tcb;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<HexBytes> mrEnclave() {
    return mrEnclave;
  }

  public Optional<HexBytes> mrSigner() {
    return mrSigner;
  }

  /** The expected ISV product id; meaningful when {@link #mrSigner()} is set. */
  public int isvProdId() {
    return isvProdId;
  }

  /** The minimum ISV SVN; meaningful when {@link #mrSigner()} is set. */
  public int minIsvSvn() {
    return minIsvSvn;
  }

  public boolean allowsDebug() {
    return allowDebug;
  }

  public TcbPolicy tcb() {
    return tcb;
  }

  @Override
  public String toString() {
    return "SgxPolicy[mrEnclave=" + mrEnclave.map(HexBytes::hex).orElse("any") + ", mrSigner="
        + mrSigner.map(s -> s.hex() + " prodId " + isvProdId + " svn>=" + minIsvSvn).orElse("any")
        + (allowDebug ? ", DEBUG ALLOWED" : "") + ", " + tcb + "]";
  }

  /** Builds an {@link SgxPolicy}; at least one of MRENCLAVE or MRSIGNER must be set. */
  public static final class Builder {
    private Optional<HexBytes> mrEnclave = Optional.empty();
    private Optional<HexBytes> mrSigner = Optional.empty();
    private int isvProdId;
    private int minIsvSvn;
    private boolean allowDebug;
    private TcbPolicy tcb = TcbPolicy.strict();

    private Builder() {}

    /** Accept only this enclave measurement (32 bytes). */
    public Builder mrEnclave(HexBytes expected) {
      this.mrEnclave = Optional.of(requireSize("mrEnclave", expected, 32));
      return this;
    }

    /** Accept only enclaves signed by this key hash (32 bytes), of this product, at this SVN or later. */
    public Builder mrSigner(HexBytes expected, int isvProdId, int minIsvSvn) {
      this.mrSigner = Optional.of(requireSize("mrSigner", expected, 32));
      this.isvProdId = requireU16("isvProdId", isvProdId);
      this.minIsvSvn = requireU16("minIsvSvn", minIsvSvn);
      return this;
    }

    /** Accept debug enclaves, whose memory the host can read. For development only. */
    public Builder allowDebug() {
      this.allowDebug = true;
      return this;
    }

    public Builder tcb(TcbPolicy tcb) {
      this.tcb = tcb;
      return this;
    }

    public SgxPolicy build() {
      if (mrEnclave.isEmpty() && mrSigner.isEmpty()) {
        throw new IllegalStateException("SgxPolicy: set mrEnclave(...) or mrSigner(...); a policy "
            + "without an expected identity would accept any enclave");
      }
      return new SgxPolicy(this);
    }
  }

  static HexBytes requireSize(String name, HexBytes value, int size) {
    if (value.size() != size) {
      throw new IllegalArgumentException(name + ": " + value.size() + " bytes (expected: " + size + ")");
    }
    return value;
  }

  private static int requireU16(String name, int value) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: 0..65535)");
    }
    return value;
  }
}
