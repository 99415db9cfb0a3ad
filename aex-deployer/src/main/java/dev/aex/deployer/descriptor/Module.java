package dev.aex.deployer.descriptor;

import dev.aex.crypto.SymmetricKey;
import java.util.Optional;

/**
 * A module of the descriptor (deployer-reference.md §2.4). Implementations are immutable records;
 * the fields the deployment fills in later (id, port, binary, key, data, …) are {@link Optional}.
 *
 * <p>For native and SGX modules in aex, {@code folder} names a Java module folder built with the
 * module SDK; the original's fields are all kept so the original's descriptors parse.
 */
public sealed interface Module permits Module.Counted, SancusModule {
  ModuleCommon common();

  Architecture architecture();

  /** The module id on its node, once known (assigned by the deployer, or by the Sancus EM). */
  Optional<Integer> id();

  /** The module key, once known. Never shown by any {@code toString}. */
  Optional<SymmetricKey> key();

  /**
   * The endpoint ids from code generation ({@code data}), once known. Always empty for Sancus,
   * whose ids live in the ELF's symbols.
   */
  Optional<ModuleData> data();

  default String name() {
    return common().name();
  }

  /** The name of the node it is (to be) deployed on. */
  default String node() {
    return common().node();
  }

  /** A module type whose id the deployer allocates from the node's counter. */
  sealed interface Counted extends Module permits Module.Listening, TrustZoneModule {
    Counted withId(int id);
  }

  /**
   * A module that listens on a port of its own, {@code reactive_port + id} by default, built from
   * a source folder.
   */
  sealed interface Listening extends Counted permits NativeModule, SgxModule {
    Optional<Integer> port();

    /** The source folder ({@code folder}), relative to the workspace. */
    String folder();

    /** Once built: a native module's executable, an SGX module's jar ({@code binary}). */
    Optional<String> binary();

    Listening withPort(int port);
  }
}
