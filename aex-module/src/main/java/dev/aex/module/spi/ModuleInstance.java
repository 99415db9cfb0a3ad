package dev.aex.module.spi;

import dev.aex.module.EntryResult;

/**
 * One module object, called through generated switch statements. Whatever the module's code
 * throws propagates to the runtime, which turns it into an error result.
 */
public interface ModuleInstance {
  /** Calls input {@code inputId}. @throws UnknownEndpointException if there is none */
  void input(int inputId, byte[] data) throws Exception;

  /** Calls handler {@code handlerId}. @throws UnknownEndpointException if there is none */
  byte[] handle(int handlerId, byte[] data) throws Exception;

  /** Calls user entry {@code entryId}. @throws UnknownEndpointException if there is none */
  EntryResult entry(int entryId, byte[] args) throws Exception;
}
