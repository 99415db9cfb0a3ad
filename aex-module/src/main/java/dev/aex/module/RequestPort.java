package dev.aex.module;

/** Calls the handler connected to one request and waits for its answer. */
public interface RequestPort {
  /**
   * Sends {@code data} encrypted to the connected handler and returns its decrypted answer.
   *
   * @throws RequestFailedException if no handler is connected, the handler or its event manager
   *     reports an error, the answer does not authenticate, or no answer comes in time
   */
  byte[] call(byte[] data) throws RequestFailedException;
}
