package dev.aex.deployer.descriptor.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Failures of the files the deployer writes (result files, counter ledgers), in words. */
public final class FileFailures {
  private FileFailures() {}

  /**
   * {@code failure} with {@code file} in its message: a write that fails for want of space says
   * only "No space left on device".
   */
  public static IOException naming(Path file, IOException failure) {
    String message = String.valueOf(failure.getMessage());
    return message.contains(file.toString()) ? failure
        : new IOException(file + ": " + message, failure);
  }
}
