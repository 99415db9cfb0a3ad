package dev.aex.module.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Map;

/**
 * Picks the quote source of an SGX module from how it was started (docs/sgx.md): inside a
 * Gramine-SGX enclave, {@code /dev/attestation} (Gramine's manifest also sets {@code
 * AEX_SGX=gramine}); started by an event manager in simulation ({@code aex em --sgx simulation}),
 * {@code AEX_SGX=simulation} and the simulated quoter over the SHA-256 of the module's own jar.
 * A simulated quote is accepted only by a deployer whose node says {@code sgx_mode: simulation}.
 */
final class Evidence {
  static final String VARIABLE = "AEX_SGX";

  private Evidence() {}

  static QuoteSource detect(Map<String, String> env, ClassLoader loader) throws DeploymentException {
    String mode = env.getOrDefault(VARIABLE, "");
    GramineQuoteSource gramine = GramineQuoteSource.device();
    if (mode.equals("gramine") || (mode.isEmpty() && gramine.present())) {
      if (!gramine.present()) {
        throw new DeploymentException(VARIABLE + "=gramine but " + GramineQuoteSource.DEVICE
            + " has no quote file: the enclave was built without sgx.remote_attestation = \"dcap\"");
      }
      return gramine;
    }
    if (mode.equals("simulation")) {
      return SimulatedQuoteSource.ofJar(ownJar(loader));
    }
    throw new DeploymentException("this module was built for an SGX node (attestation=sgx) but runs"
        + " neither in a Gramine-SGX enclave (" + GramineQuoteSource.DEVICE + " missing) nor in"
        + " simulation (" + VARIABLE + "=" + (mode.isEmpty() ? "<unset>" : mode) + "); load it"
        + " through an event manager started with --sgx gramine or --sgx simulation");
  }

  /** The bytes of the jar that holds the deployment stamp: what the simulated enclave measures. */
  private static byte[] ownJar(ClassLoader loader) throws DeploymentException {
    URL stamp = loader.getResource(Deployment.RESOURCE);
    String text = stamp == null ? "" : stamp.toString();
    int bang = text.indexOf("!/");
    if (!text.startsWith("jar:") || bang < 0) {
      throw new DeploymentException("simulation: the module must run from its jar to measure it"
          + " (found " + (text.isEmpty() ? "no stamp" : text) + ")");
    }
    try (InputStream in = URI.create(text.substring(4, bang)).toURL().openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DeploymentException("simulation: cannot read the module's jar " + text.substring(4, bang)
          + ": " + e.getMessage());
    }
  }
}
