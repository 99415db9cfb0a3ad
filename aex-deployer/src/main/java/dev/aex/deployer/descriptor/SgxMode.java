package dev.aex.deployer.descriptor;

/**
 * How an {@link SgxNode} runs its enclaves ({@code sgx_mode}; docs/sgx.md).
 */
public enum SgxMode {
  /** Real SGX: Gramine builds, signs and runs the enclave; quotes chain to Intel's root. The default. */
  GRAMINE("gramine"),
  /**
   * INSECURE, for tests and demos: modules run as plain JVMs whose quotes are signed by a test
   * key under a test root, which the deployer accepts only for nodes in this mode (with a
   * warning). Nothing is isolated.
   */
  SIMULATION("simulation");

  private final String descriptorName;

  SgxMode(String descriptorName) {
    this.descriptorName = descriptorName;
  }

  /** As written in the descriptor. */
  public String descriptorName() {
    return descriptorName;
  }
}
