package dev.aex.em;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmOptionsTest {
  @Test
  void withNothingGivenItListensOnPort5000OfAllInterfacesAtInfo() throws Exception {
    EmOptions options = EmOptions.parse(List.of(), Map.of());

    assertThat(options.port()).isEqualTo(5000);
    assertThat(options.host().isAnyLocalAddress()).isTrue();
    assertThat(options.logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(options.periodicTasks()).isFalse();
    assertThat(options.routeToUnloaded()).isFalse();
  }

  @Test
  void routingToModulesStartedByHandIsAnOption() throws Exception {
    assertThat(EmOptions.parse(List.of("--route-unloaded-modules"), Map.of()).routeToUnloaded())
        .isTrue();
  }

  @Test
  void theOriginalsEnvironmentVariablesAreRead() throws Exception {
    EmOptions options = EmOptions.parse(List.of(),
        Map.of("EM_PORT", "6000", "EM_LOG", "DEBUG", "EM_PERIODIC_TASKS", "true"));

    assertThat(options.port()).isEqualTo(6000);
    assertThat(options.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(options.periodicTasks()).isTrue();
  }

  @Test
  void optionsOverrideTheEnvironment() throws Exception {
    EmOptions options = EmOptions.parse(List.of("--port=7000", "--host", "127.0.0.1", "--log", "trace"),
        Map.of("EM_PORT", "6000", "EM_LOG", "error"));

    assertThat(options.port()).isEqualTo(7000);
    assertThat(options.host().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(options.logLevel()).isEqualTo(LogLevel.TRACE);
  }

  @Test
  void variablesThatDoNotApplyAreNotedNotRefused() throws Exception {
    EmOptions options = EmOptions.parse(List.of(), Map.of("EM_THREADS", "16", "EM_SGX", "true"));

    assertThat(options.notes()).hasSize(2).anyMatch(n -> n.startsWith("EM_THREADS ignored"))
        .anyMatch(n -> n.startsWith("EM_SGX=true ignored"));
  }

  /** Whoever reaches the port can Load and run a program: a default that says so at start. */
  @Test
  void listeningOnEveryInterfaceIsWarnedOfAndLoopbackIsNot() throws Exception {
    assertThat(EmOptions.parse(List.of("--port", "5000"), Map.of()).warnings()).containsExactly(
        "listening on all interfaces: whoever reaches port 5000 can load and run a program here"
            + " (Load is unauthenticated, as in the original). On one machine, give --host"
            + " 127.0.0.1; otherwise keep the port behind a firewall");
    assertThat(EmOptions.parse(List.of("--host", "127.0.0.1"), Map.of()).warnings()).isEmpty();
    assertThat(EmOptions.parse(List.of("--host", "127.0.0.1", "--sgx", "simulation"), Map.of())
        .warnings()).singleElement().asString().startsWith("SGX SIMULATION: modules run as plain"
            + " processes with INSECURE test quotes");
  }

  @Test
  void sgxNodesSayHowTheirModulesStart() throws Exception {
    assertThat(EmOptions.parse(List.of(), Map.of()).sgx()).isEmpty();
    assertThat(EmOptions.parse(List.of("--sgx", "simulation"), Map.of()).sgx())
        .contains(SgxLoading.SIMULATION);
    assertThat(EmOptions.parse(List.of("--sgx=gramine"), Map.of()).sgx()).contains(SgxLoading.GRAMINE);
    assertThatThrownBy(() -> EmOptions.parse(List.of("--sgx", "epid"), Map.of()))
        .hasMessage("--sgx: \"epid\" (expected: gramine or simulation)");
    assertThat(EmOptions.usage()).contains("--sgx MODE");
  }

  @Test
  void badValuesAreRefusedWithTheValueAndWhatIsExpected() {
    assertThatThrownBy(() -> EmOptions.parse(List.of("--port", "70000"), Map.of()))
        .hasMessage("--port: \"70000\" (expected: a port 1..65535)");
    assertThatThrownBy(() -> EmOptions.parse(List.of(), Map.of("EM_PORT", "five")))
        .hasMessage("EM_PORT: \"five\" (expected: a port 1..65535)");
    assertThatThrownBy(() -> EmOptions.parse(List.of(), Map.of("EM_LOG", "loud")))
        .hasMessageContaining("\"loud\"").hasMessageContaining("off, error, warn, info, debug or trace");
    assertThatThrownBy(() -> EmOptions.parse(List.of(), Map.of("EM_PERIODIC_TASKS", "yes")))
        .hasMessage("EM_PERIODIC_TASKS: \"yes\" (expected: true or false)");
    assertThatThrownBy(() -> EmOptions.parse(List.of("--port"), Map.of())).hasMessage("--port needs a value");
    assertThatThrownBy(() -> EmOptions.parse(List.of("--verbose"), Map.of())).hasMessage("unknown option: --verbose");
  }

  @Test
  void aUsageErrorPrintsTheUsageAndExitsWithTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = EmMain.run(List.of("--bogus"), Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option: --bogus").contains("usage: aex em");
  }

  @Test
  void helpPrintsTheUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = EmMain.run(List.of("--help"), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port PORT").contains("EM_PERIODIC_TASKS");
  }
}
