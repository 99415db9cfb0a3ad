/**
 * The aex deployer (architecture.md §2): {@code dev.aex.deployer.Deployer} runs the flows (build,
 * deploy, attest, connect, register, call, output, request, disable, update, reset), and the
 * deployment descriptor package holds its
 * model, reading JSON and YAML in the schema of the original {@code reactive-tools}, validation with
 * messages that name file, item and field, the result file round trip, and the assignment of ids,
 * ports and keys ({@code dev.aex.deployer.descriptor}).
 *
 * <p>It never requires {@code dev.aex.em}: the deployer is trusted, the event manager is not.
 * {@code dev.aex.deployer.descriptor.internal} and {@code dev.aex.deployer.internal} (the flows
 * behind {@code Deployer}) are not exported and have no compatibility promises.
 */
module dev.aex.deployer {
  requires transitive dev.aex.crypto;
  requires transitive dev.aex.wire;
  requires dev.aex.module.build;
  requires dev.aex.attestation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.aex.deployer;
  exports dev.aex.deployer.descriptor;
}
