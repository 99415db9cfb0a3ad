/** Builds module folders into self-executing module binaries (used by the deployer). */
module dev.aex.module.build {
  requires transitive dev.aex.crypto;
  requires transitive dev.aex.module;
  requires java.compiler;
  requires transitive dev.aex.attestation;

  exports dev.aex.module.build;
}
