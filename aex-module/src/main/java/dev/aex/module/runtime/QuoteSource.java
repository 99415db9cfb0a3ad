package dev.aex.module.runtime;

import java.io.IOException;

/**
 * Where an SGX module gets the evidence of its attestation (docs/sgx.md): a quote whose report
 * data is the 64 bytes the module chose, signed by the platform's quoting enclave (Gramine, {@link
 * GramineQuoteSource}) or by the INSECURE test key of the simulation ({@link
 * SimulatedQuoteSource}). Implementations are thread-safe.
 */
public interface QuoteSource {
  /**
   * A quote over {@code reportData}.
   *
   * @param reportData exactly 64 bytes
   * @throws IOException if the platform cannot produce one; the message says what failed
   */
  byte[] quote(byte[] reportData) throws IOException;

  /** A short description for the start-up log line, e.g. {@code gramine /dev/attestation}. */
  String describe();
}
