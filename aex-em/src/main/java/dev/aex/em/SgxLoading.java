package dev.aex.em;

import java.util.Locale;

/**
 * How an event manager of an SGX node starts the modules it loads (docs/sgx.md). An event manager
 * without one is a native node; with one, it reads Loads in the SGX format {@code
 * [sgxs_len:4][sgxs][sig_len:4][sig]} (protocol.md §1.6.4), as the original does with {@code
 * EM_SGX=true}.
 */
public enum SgxLoading {
  /** {@code gramine-sgx module} in the unpacked bundle: the module JVM runs in an enclave. */
  GRAMINE,
  /**
   * INSECURE, for tests and demos without SGX: the module JVM runs as a plain process with {@code
   * AEX_SGX=simulation}, and signs its quotes with the simulation's test key, which a deployer
   * accepts only for nodes it was told are simulated.
   */
  SIMULATION;

  /** {@code gramine} or {@code simulation}. */
  public static SgxLoading parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "gramine" -> GRAMINE;
      case "simulation" -> SIMULATION;
      default -> throw new IllegalArgumentException("\"" + text + "\" (expected: gramine or simulation)");
    };
  }
}
