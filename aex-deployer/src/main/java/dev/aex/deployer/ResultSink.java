package dev.aex.deployer;

import dev.aex.deployer.descriptor.Descriptor;
import java.io.IOException;

/**
 * Where the deployer records its state. It is called after every step that changed the state (a
 * module loaded, attested, a connection established, a nonce used), so a failure later in the same
 * command leaves a result file that records exactly what succeeded.
 */
@FunctionalInterface
public interface ResultSink {
  void save(Descriptor state) throws IOException;

  /** For callers that keep the state in memory only. */
  static ResultSink discard() {
    return state -> {};
  }
}
