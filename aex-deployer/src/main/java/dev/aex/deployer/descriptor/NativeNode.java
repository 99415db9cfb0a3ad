package dev.aex.deployer.descriptor;


/**
 * A node without a TEE: its event manager runs module executables as plain processes.
 *
 * @param moduleId the next module id to allocate ({@code module_id}, default 1)
 */
public record NativeNode(String name, NodeAddress address, int moduleId) implements Node.Counting {
  public NativeNode {
    Checks.name("name", name);
    Checks.nonNull(address);
    Checks.counter("module_id", moduleId, 1);
  }

  @Override
  public Architecture architecture() {
    return Architecture.NATIVE;
  }

  @Override
  public NativeNode withModuleId(int next) {
    return new NativeNode(name, address, next);
  }
}
