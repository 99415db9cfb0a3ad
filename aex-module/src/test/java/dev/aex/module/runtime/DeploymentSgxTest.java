package dev.aex.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SGX stamp ({@code attestation=sgx}) and how an SGX module finds its evidence. */
class DeploymentSgxTest {
  @Test
  void anSgxStampHasNoKeyAndGetsARandomStartKey() throws Exception {
    Deployment a = Deployment.fromProperties(props("module.id=3\nem.port=5000\nattestation=sgx\n"));
    Deployment b = Deployment.fromProperties(props("module.id=3\nem.port=5000\nattestation=sgx\n"));

    assertThat(a.modulePort()).isEqualTo(5003);
    assertThat(a.moduleKey()).isNotEqualTo(b.moduleKey());
    assertThat(a.evidence()).isEmpty();
  }

  @Test
  void aStampedKeyInAnSgxStampIsRefused() {
    assertThatThrownBy(() -> Deployment.fromProperties(props("module.id=3\nem.port=5000\n"
        + "attestation=sgx\nmodule.key=000102030405060708090a0b0c0d0e0f\n")))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("module.key given for an SGX module")
        .hasMessageNotContaining("000102030405060708090a0b0c0d0e0f");
    assertThatThrownBy(() -> Deployment.fromProperties(props("module.id=3\nem.port=5000\n"
        + "attestation=tdx\n")))
        .hasMessageContaining("attestation: \"tdx\" (expected: native or sgx)");
  }

  @Test
  void outsideAnEnclaveAndWithoutSimulationTheModuleRefusesToStart() {
    assertThatThrownBy(() -> Evidence.detect(Map.of(), getClass().getClassLoader()))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("neither in a Gramine-SGX enclave")
        .hasMessageContaining("--sgx gramine or --sgx simulation");
    assertThatThrownBy(() -> Evidence.detect(Map.of("AEX_SGX", "gramine"), getClass().getClassLoader()))
        .hasMessageContaining("AEX_SGX=gramine but /dev/attestation has no quote file");
  }

  @Test
  void simulationMeasuresTheJarThatHoldsTheStamp() {
    // Run from class folders, there is no jar to measure: said plainly.
    assertThatThrownBy(() -> Evidence.detect(Map.of("AEX_SGX", "simulation"), getClass().getClassLoader()))
        .hasMessageContaining("simulation: the module must run from its jar");
    byte[] jar = "jar bytes".getBytes();
    assertThat(SimulatedQuoteSource.ofJar(jar).mrEnclave()).isEqualTo(SimulatedQuoteSource.measure(jar));
  }

  private static Properties props(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }
}
