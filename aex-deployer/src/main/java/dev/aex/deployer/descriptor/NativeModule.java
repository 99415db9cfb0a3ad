package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.List;
import java.util.Optional;

/**
 * A module that runs as a plain process on a {@link NativeNode}.
 *
 * @param folder the module's source folder, relative to the workspace (default: the name)
 * @param features build features (cargo features in the original)
 * @param id the module id; default: the node's next free id
 * @param port where the module listens; default: the node's reactive port plus {@code id}
 * @param binary the built executable
 * @param key the module key stamped into the executable at build time
 * @param data the endpoint ids of the built module
 * @param aexRuntime whether aex built it, so that it runs the aex module runtime and speaks the
 *     secure suite ({@code "runtime": "aex"}, written by the build); a deployed module without it
 *     is an original one, whichever folder a later command runs in
 */
public record NativeModule(ModuleCommon common, String folder, List<String> features,
    Optional<Integer> id, Optional<Integer> port, Optional<String> binary,
    Optional<SymmetricKey> key, Optional<ModuleData> data, boolean aexRuntime)
    implements Module.Listening {
  public NativeModule {
    Checks.nonNull(common, binary, key, data);
    Checks.name("folder", folder);
    features = List.copyOf(features);
    id.ifPresent(v -> Checks.u16("id", v));
    port.ifPresent(v -> Checks.port("port", v));
  }

  /** A module not built yet, with every default of the descriptor. */
  public static NativeModule of(String name, String node) {
    return new NativeModule(ModuleCommon.of(name, node), name, List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  @Override
  public Architecture architecture() {
    return Architecture.NATIVE;
  }

  @Override
  public NativeModule withId(int value) {
    return new NativeModule(common, folder, features, Optional.of(value), port, binary, key, data,
        aexRuntime);
  }

  @Override
  public NativeModule withPort(int value) {
    return new NativeModule(common, folder, features, id, Optional.of(value), binary, key, data,
        aexRuntime);
  }

  /** This module with the key its build stamps into the binary. */
  public NativeModule withKey(SymmetricKey value) {
    return new NativeModule(common, folder, features, id, port, binary, Optional.of(value), data,
        aexRuntime);
  }
}
