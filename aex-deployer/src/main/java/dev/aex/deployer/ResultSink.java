package dev.aex.deployer;

import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.io.IOException;
import java.nio.file.Path;

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

  /**
   * Writes each state to {@code file} in {@code format}, as the aex command writes its result
   * (a new file renamed over the old, synced before the step that follows), and refuses to write
   * over what another writer put there since this sink last read or wrote the file: a second
   * {@code Deployer} on the same file works from its own snapshot, and saving it would undo the
   * other's records (an update's new module key among them). The refused save fails the step
   * before anything is sent under a counter it could not record. Make one sink per
   * {@code Deployer}, when opening it: the sink knows the file as it was when it was made.
   *
   * <pre>{@code
   * DeployerSettings settings = DeployerSettings.defaults(workspace)
   *     .withResultSink(ResultSink.toFile(Path.of("res.json"), DescriptorFormat.JSON));
   * }</pre>
   *
   * @throws IOException if {@code file} exists and cannot be read
   */
  static ResultSink toFile(Path file, DescriptorFormat format) throws IOException {
    return new FileResultSink(file, format);
  }
}
