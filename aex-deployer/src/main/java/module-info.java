/**
 * The aex deployer (architecture.md §2). This first part holds the deployment descriptor: its
 * model, reading JSON and YAML in the schema of the original {@code reactive-tools}, validation with
 * messages that name file, item and field, the result file round trip, and the assignment of ids,
 * ports and keys ({@code dev.aex.deployer.descriptor}).
 *
 * <p>It never requires {@code dev.aex.em}: the deployer is trusted, the event manager is not.
 * {@code dev.aex.deployer.descriptor.internal} is not exported and has no compatibility promises.
 */
module dev.aex.deployer {
  requires transitive dev.aex.crypto;
  requires transitive dev.aex.wire;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.aex.deployer.descriptor;
}
