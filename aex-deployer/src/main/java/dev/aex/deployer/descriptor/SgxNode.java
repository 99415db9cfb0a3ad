package dev.aex.deployer.descriptor;


/**
 * An Intel SGX node.
 *
 * @param moduleId the next module id to allocate ({@code module_id}, default 1)
 * @param aesmHost where the attestation client listens, as written ({@code aesm_host}; default: the
 *     node's resolved address). Not resolved at load, as in the original.
 * @param aesmPort the attestation client's port ({@code aesm_port}, default 13741); kept from the
 *     original, unused by aex (DCAP quotes come from the enclave itself)
 * @param mode {@code sgx_mode}: real SGX under Gramine (default) or the INSECURE simulation
 */
public record SgxNode(String name, NodeAddress address, int moduleId, String aesmHost, int aesmPort,
    SgxMode mode) implements Node.Counting {
  /** The original's default {@code aesm_port}. */
  public static final int DEFAULT_AESM_PORT = 13741;

  public SgxNode {
    Checks.name("name", name);
    Checks.nonNull(address, aesmHost, mode);
    Checks.counter("module_id", moduleId, 1);
    Checks.port("aesm_port", aesmPort);
  }

  /** A node with real SGX (Gramine). */
  public SgxNode(String name, NodeAddress address, int moduleId, String aesmHost, int aesmPort) {
    this(name, address, moduleId, aesmHost, aesmPort, SgxMode.GRAMINE);
  }

  @Override
  public Architecture architecture() {
    return Architecture.SGX;
  }

  @Override
  public SgxNode withModuleId(int next) {
    return new SgxNode(name, address, next, aesmHost, aesmPort, mode);
  }
}
