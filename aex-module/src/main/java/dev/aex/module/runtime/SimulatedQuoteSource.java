package dev.aex.module.runtime;

import dev.aex.attestation.HexBytes;
import dev.aex.attestation.simulation.SimulatedQuoter;
import dev.aex.crypto.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * INSECURE, for tests and demos without SGX hardware: quotes in the real SGX v3 format, signed by
 * the fixed test attestation key of {@code dev.aex.attestation.simulation} under a test root CA
 * that a deployer accepts only when its node says {@code sgx_mode: simulation}. Nothing is
 * isolated: the "enclave" is a plain JVM and its "MRENCLAVE" is what it computes of itself,
 * {@link #measure} of its own jar (the builder computes the same at build).
 *
 * @param mrEnclave the simulated measurement, 32 bytes
 */
public record SimulatedQuoteSource(HexBytes mrEnclave) implements QuoteSource {
  /** The simulated MRSIGNER: SHA-256 of {@code "aex-sgx-simulation-signer"}. */
  public static final HexBytes MR_SIGNER =
      HexBytes.of(Sha256.of("aex-sgx-simulation-signer".getBytes(StandardCharsets.US_ASCII)));

  /** The simulated enclave's ISV product id and SVN. */
  public static final int ISV_PROD_ID = 0;

  public static final int ISV_SVN = 0;

  public SimulatedQuoteSource {
    if (mrEnclave.size() != 32) {
      throw new IllegalArgumentException("mrEnclave: " + mrEnclave.size() + " bytes (expected: 32)");
    }
  }

  /** The source of a simulated enclave running {@code jar}. */
  public static SimulatedQuoteSource ofJar(byte[] jar) {
    return new SimulatedQuoteSource(measure(jar));
  }

  /** The simulated MRENCLAVE of a module jar: SHA-256 of its bytes. */
  public static HexBytes measure(byte[] jar) {
    return HexBytes.of(Sha256.of(jar));
  }

  @Override
  public byte[] quote(byte[] reportData) throws IOException {
    if (reportData.length != 64) {
      throw new IllegalArgumentException("report data: " + reportData.length + " bytes (expected: 64)");
    }
    return SimulatedQuoter.fixed().quote(SimulatedQuoter.body(mrEnclave, MR_SIGNER, ISV_PROD_ID, ISV_SVN, false, HexBytes.of(reportData)));
  }

  @Override
  public String describe() {
    return "INSECURE simulation, mrenclave " + mrEnclave.hex();
  }
}
