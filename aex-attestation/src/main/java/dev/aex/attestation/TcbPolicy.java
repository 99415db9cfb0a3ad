package dev.aex.attestation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a verifier accepts about a platform's TCB, shared by {@link SgxPolicy} and
 * {@link TdxPolicy}: the TCB statuses and Intel advisory ids, and two INSECURE switches that are
 * off by default: trusting the simulation root, and ignoring CRL expiry.
 *
 * <p>{@link #strict()} accepts only {@code UpToDate} with no advisories, genuine Intel roots, and
 * current CRLs.
 */
public final class TcbPolicy {
  private final Set<TcbStatus> statuses;
  private final Set<String> advisories;
  private final boolean simulation;
  private final boolean ignoreCrlExpiry;

  private TcbPolicy(Builder b) {
    this.statuses = Set.copyOf(b.statuses);
    this.advisories = Set.copyOf(b.advisories);
    this.simulation = b.simulation;
    this.ignoreCrlExpiry = b.ignoreCrlExpiry;
  }

  /** UpToDate only, no advisories, no simulation, CRL expiry enforced. */
  public static TcbPolicy strict() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Set<TcbStatus> acceptedStatuses() {
    return statuses;
  }

  public Set<String> acceptedAdvisories() {
    return advisories;
  }

  /** True if quotes and collateral under the INSECURE simulation root are accepted. */
  public boolean allowsSimulation() {
    return simulation;
  }

  /** True if expired CRLs are accepted (INSECURE: revocations after their nextUpdate are missed). */
  public boolean ignoresCrlExpiry() {
    return ignoreCrlExpiry;
  }

  @Override
  public String toString() {
    return "TcbPolicy[statuses=" + new TreeSet<>(statuses) + ", advisories=" + new TreeSet<>(advisories)
        + (simulation ? ", SIMULATION ALLOWED" : "") + (ignoreCrlExpiry ? ", CRL EXPIRY IGNORED" : "")
        + "]";
  }

  /** Builds a {@link TcbPolicy}; starts from {@link #strict()}. */
  public static final class Builder {
    private final Set<TcbStatus> statuses = EnumSet.of(TcbStatus.UP_TO_DATE);
    private final Set<String> advisories = new TreeSet<>();
    private boolean simulation;
    private boolean ignoreCrlExpiry;

    private Builder() {}

    /** Also accepts these statuses (UpToDate is always accepted). */
    public Builder acceptStatuses(TcbStatus... accepted) {
      statuses.addAll(Arrays.asList(accepted));
      return this;
    }

    /** Accepts these Intel advisory ids, e.g. {@code "INTEL-SA-00615"}. */
    public Builder acceptAdvisories(String... ids) {
      for (String id : ids) {
        if (id.isBlank()) {
          throw new IllegalArgumentException("advisory id: blank (expected: e.g. INTEL-SA-00615)");
        }
        advisories.add(id);
      }
      return this;
    }

    /**
     * Trusts the INSECURE simulation root CA in addition to Intel's. Its private key is public
     * (checked into aex); anything can be "attested" under it. For tests and demos only.
     */
    public Builder allowSimulation() {
      simulation = true;
      return this;
    }

    /** INSECURE: accepts CRLs past their nextUpdate (for replaying old recorded evidence). */
    public Builder ignoreCrlExpiry() {
      ignoreCrlExpiry = true;
      return this;
    }

    public TcbPolicy build() {
      return new TcbPolicy(this);
    }
  }
}
