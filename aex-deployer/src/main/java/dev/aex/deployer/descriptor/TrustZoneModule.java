package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An OP-TEE trusted application on a {@link TrustZoneNode}.
 *
 * @param folder the TA source folder (default: the name)
 * @param id the module id; default: the node's next free id
 * @param binary the built {@code <uuid>.ta}
 * @param uuid the TA's UUID as a 128-bit unsigned integer, as the original writes it
 * @param key the module key derived from the vendor key and the TA image
 * @param data the endpoint ids of the generated TA (inputs, entrypoints, outputs)
 */
public record TrustZoneModule(ModuleCommon common, String folder, Optional<Integer> id,
    Optional<String> binary, Optional<BigInteger> uuid, Optional<SymmetricKey> key,
    Optional<ModuleData> data) implements Module.Counted {
  /** One past the largest UUID: 2^128. */
  public static final BigInteger UUID_LIMIT = BigInteger.ONE.shiftLeft(128);

  public TrustZoneModule {
    Checks.nonNull(common, binary, key, data);
    Checks.name("folder", folder);
    id.ifPresent(v -> Checks.u16("id", v));
    uuid.ifPresent(TrustZoneModule::checkUuid);
  }

  @Override
  public Architecture architecture() {
    return Architecture.TRUSTZONE;
  }

  @Override
  public TrustZoneModule withId(int value) {
    return new TrustZoneModule(common, folder, Optional.of(value), binary, uuid, key, data);
  }

  private static void checkUuid(BigInteger uuid) {
    if (uuid.signum() < 0 || uuid.compareTo(UUID_LIMIT) >= 0) {
      throw new IllegalArgumentException("uuid: " + uuid + " (expected: 0 ≤ uuid < 2^128)");
    }
  }
}
