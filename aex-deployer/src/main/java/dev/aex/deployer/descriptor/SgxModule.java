package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.List;
import java.util.Optional;

/**
 * A module that runs in an SGX enclave on an {@link SgxNode}.
 *
 * @param vendorKey path of the enclave signing key ({@code vendor_key}, required; an RSA-3072
 *     PEM with exponent 3, as Gramine wants; not read in simulation)
 * @param raSettings path of the attestation settings ({@code ra_settings}, required): in aex a
 *     JSON file with the DCAP policy and collateral (docs/sgx.md)
 * @param folder the module's source folder (default: the name)
 * @param features build features
 * @param id the module id; default: the node's next free id
 * @param port where the module listens; default: the node's reactive port plus {@code id}
 * @param binary the built enclave binary
 * @param sgxs the converted enclave image
 * @param signature the enclave signature file
 * @param key the module key, known once attested
 * @param data the endpoint ids of the built module
 * @param mrEnclave the MRENCLAVE computed at build ({@code mrenclave}, 64 hex digits), which the
 *     quote must show
 */
public record SgxModule(ModuleCommon common, String vendorKey, String raSettings, String folder,
    List<String> features, Optional<Integer> id, Optional<Integer> port, Optional<String> binary,
    Optional<String> sgxs, Optional<String> signature, Optional<SymmetricKey> key,
    Optional<ModuleData> data, Optional<String> mrEnclave) implements Module.Listening {
  public SgxModule {
    Checks.nonNull(common, vendorKey, raSettings, binary, sgxs, signature, key, data, mrEnclave);
    Checks.name("folder", folder);
    features = List.copyOf(features);
    id.ifPresent(v -> Checks.u16("id", v));
    port.ifPresent(v -> Checks.port("port", v));
  }

  /** A module not built yet (no MRENCLAVE). */
  public SgxModule(ModuleCommon common, String vendorKey, String raSettings, String folder,
      List<String> features, Optional<Integer> id, Optional<Integer> port, Optional<String> binary,
      Optional<String> sgxs, Optional<String> signature, Optional<SymmetricKey> key,
      Optional<ModuleData> data) {
    this(common, vendorKey, raSettings, folder, features, id, port, binary, sgxs, signature, key,
        data, Optional.empty());
  }

  @Override
  public Architecture architecture() {
    return Architecture.SGX;
  }

  @Override
  public SgxModule withId(int value) {
    return new SgxModule(common, vendorKey, raSettings, folder, features, Optional.of(value), port,
        binary, sgxs, signature, key, data, mrEnclave);
  }

  /** This module with the key agreed at attestation. */
  public SgxModule withKey(SymmetricKey value) {
    return new SgxModule(common, vendorKey, raSettings, folder, features, id, port, binary, sgxs,
        signature, Optional.of(value), data, mrEnclave);
  }

  @Override
  public SgxModule withPort(int value) {
    return new SgxModule(common, vendorKey, raSettings, folder, features, id, Optional.of(value),
        binary, sgxs, signature, key, data, mrEnclave);
  }
}
