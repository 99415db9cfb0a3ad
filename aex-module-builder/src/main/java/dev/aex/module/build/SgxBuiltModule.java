package dev.aex.module.build;

import dev.aex.attestation.HexBytes;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A built SGX module (docs/sgx.md).
 *
 * @param bundle the first blob of the SGX Load ({@code sgxs}): a zip with {@code module.jar} and,
 *     unless simulated, the signed manifest {@code module.manifest.sgx}
 * @param signature the SIGSTRUCT ({@code module.sig}), the second blob of the Load; none in
 *     simulation (the Load then carries an empty signature)
 * @param jar the module's jar, also inside the bundle
 * @param manifestJson the module's {@code META-INF/aex/module.json}
 * @param mrEnclave the MRENCLAVE the deployer expects in the quote, 32 bytes
 * @param mrSigner the MRSIGNER, 32 bytes
 * @param simulated whether built for the INSECURE simulation
 */
public record SgxBuiltModule(Path bundle, Optional<Path> signature, Path jar, String manifestJson,
    HexBytes mrEnclave, HexBytes mrSigner, boolean simulated) {
  public SgxBuiltModule {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(jar, "jar");
    Objects.requireNonNull(manifestJson, "manifestJson");
    Objects.requireNonNull(mrEnclave, "mrEnclave");
    Objects.requireNonNull(mrSigner, "mrSigner");
  }
}
