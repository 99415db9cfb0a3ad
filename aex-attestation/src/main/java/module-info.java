/**
 * Attestation evidence verification for aex (architecture.md §2, §4): Intel DCAP quotes (SGX v3,
 * v4, v5 and TDX) verified in pure Java against an explicit {@link dev.aex.attestation.Collateral}
 * bundle, an explicit policy and an explicit "now"; and an INSECURE simulation evidence provider
 * ({@code dev.aex.attestation.simulation}) whose test root is trusted only when a policy says so.
 *
 * <p>{@code dev.aex.attestation.internal} (parsers, DER, chain checks) is not exported and has no
 * compatibility promises. JDK crypto only; Jackson reads the Intel JSON.
 */
module dev.aex.attestation {
  requires com.fasterxml.jackson.databind;

  exports dev.aex.attestation;
  exports dev.aex.attestation.simulation;
}
