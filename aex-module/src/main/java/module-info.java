/**
 * The aex module SDK (trusted): the API that module code uses, the contract with the code that
 * the annotation processor generates, and the runtime that runs a module next to its event
 * manager (set_key, attest, disable, events, requests, entries).
 */
module dev.aex.module {
  requires transitive dev.aex.wire;
  requires transitive dev.aex.crypto;
  requires java.logging;
  // The INSECURE simulated quoter of SGX modules in simulation (docs/sgx.md); never a verifier.
  requires transitive dev.aex.attestation;

  exports dev.aex.module;
  exports dev.aex.module.spi;
  exports dev.aex.module.runtime;

  uses dev.aex.module.spi.ModuleDispatch;
}
