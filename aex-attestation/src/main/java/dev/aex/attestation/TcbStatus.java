package dev.aex.attestation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Intel's TCB status of a platform, QE or TDX module, with the spelling of Intel's JSON. Each
 * status is a set of conditions (out of date, configuration needed, software hardening needed,
 * revoked); {@link #combine} merges two, which is how the platform, QE and TDX module statuses
 * become one: Revoked absorbs everything, OutOfDate absorbs software hardening, other conditions
 * add up ("OutOfDate" plus "ConfigurationNeeded" gives "OutOfDateConfigurationNeeded").
 */
public enum TcbStatus {
  UP_TO_DATE("UpToDate", false, false, false),
  SW_HARDENING_NEEDED("SWHardeningNeeded", false, false, true),
  CONFIGURATION_NEEDED("ConfigurationNeeded", false, true, false),
  CONFIGURATION_AND_SW_HARDENING_NEEDED("ConfigurationAndSWHardeningNeeded", false, true, true),
  OUT_OF_DATE("OutOfDate", true, false, false),
  OUT_OF_DATE_CONFIGURATION_NEEDED("OutOfDateConfigurationNeeded", true, true, false),
  REVOKED("Revoked", false, false, false);

  private final String json;
  private final boolean outOfDate;
  private final boolean configuration;
  private final boolean hardening;

  TcbStatus(String json, boolean outOfDate, boolean configuration, boolean hardening) {
    this.json = json;
    this.outOfDate = outOfDate;
    this.configuration = configuration;
    this.hardening = hardening;
  }

  /** The name in Intel's TCB info, e.g. {@code "SWHardeningNeeded"}. */
  public String jsonName() {
    return json;
  }

  /** The status with this JSON name, if Intel defines it. */
  public static Optional<TcbStatus> fromJson(String name) {
    return Arrays.stream(values()).filter(s -> s.json.equals(name)).findFirst();
  }

  /** This status merged with {@code other}, as the class comment says. */
  public TcbStatus combine(TcbStatus other) {
    if (this == REVOKED || other == REVOKED) {
      return REVOKED;
    }
    boolean config = configuration || other.configuration;
    if (outOfDate || other.outOfDate) {
      return config ? OUT_OF_DATE_CONFIGURATION_NEEDED : OUT_OF_DATE;
    }
    boolean sw = hardening || other.hardening;
    if (config) {
      return sw ? CONFIGURATION_AND_SW_HARDENING_NEEDED : CONFIGURATION_NEEDED;
    }
    return sw ? SW_HARDENING_NEEDED : UP_TO_DATE;
  }

  @Override
  public String toString() {
    return json;
  }
}
