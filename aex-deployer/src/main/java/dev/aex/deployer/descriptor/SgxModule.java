package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.List;
import java.util.Optional;

/**
 * A module that runs in an SGX enclave on an {@link SgxNode}.
 *
 * @param vendorKey path of the enclave signing key ({@code vendor_key}, required)
 * @param raSettings path of the remote-attestation settings ({@code ra_settings}, required)
 * @param folder the module's source folder (default: the name)
 * @param features build features
 * @param id the module id; default: the node's next free id
 * @param port where the module listens; default: the node's reactive port plus {@code id}
 * @param binary the built enclave binary
 * @param sgxs the converted enclave image
 * @param signature the enclave signature file
 * @param key the module key, known once attested
 * @param data the endpoint ids of the built module
 */
public record SgxModule(ModuleCommon common, String vendorKey, String raSettings, String folder,
    List<String> features, Optional<Integer> id, Optional<Integer> port, Optional<String> binary,
    Optional<String> sgxs, Optional<String> signature, Optional<SymmetricKey> key,
    Optional<ModuleData> data) implements Module.Listening {
  public SgxModule {
    Checks.nonNull(common, vendorKey, raSettings, binary, sgxs, signature, key, data);
    Checks.name("folder", folder);
    features = List.copyOf(features);
    id.ifPresent(v -> Checks.u16("id", v));
    port.ifPresent(v -> Checks.port("port", v));
  }

  @Override
  public Architecture architecture() {
    return Architecture.SGX;
  }

  @Override
  public SgxModule withId(int value) {
    return new SgxModule(common, vendorKey, raSettings, folder, features, Optional.of(value), port,
        binary, sgxs, signature, key, data);
  }

  @Override
  public SgxModule withPort(int value) {
    return new SgxModule(common, vendorKey, raSettings, folder, features, id, Optional.of(value),
        binary, sgxs, signature, key, data);
  }
}
