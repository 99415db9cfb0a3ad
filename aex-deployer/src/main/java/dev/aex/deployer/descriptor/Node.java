package dev.aex.deployer.descriptor;

/**
 * A node of the descriptor: one event manager, of one {@link Architecture}
 * (deployer-reference.md §2.3). Implementations are immutable records.
 */
public sealed interface Node permits Node.Counting, SancusNode {
  /** The node's unique name, by which modules refer to it. */
  String name();

  /** Where its event manager listens. */
  NodeAddress address();

  Architecture architecture();

  /**
   * A node type whose module ids the deployer allocates from a per-node counter (native, sgx,
   * trustzone; Sancus ids come from the event manager).
   */
  sealed interface Counting extends Node permits NativeNode, SgxNode, TrustZoneNode {
    /** The next module id to allocate; at least 1 (the original reads 0 or absent as 1). */
    int moduleId();

    /** This node with its counter set to {@code next}. */
    Counting withModuleId(int next);
  }
}
