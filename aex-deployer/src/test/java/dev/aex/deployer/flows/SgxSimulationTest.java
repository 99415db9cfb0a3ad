package dev.aex.deployer.flows;

import static dev.aex.deployer.flows.Fixture.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.em.SgxLoading;
import dev.aex.testkit.Hex;
import dev.aex.testkit.LoopbackPorts;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SGX module in simulation with real processes (docs/sgx.md): build, Load on an event manager
 * with {@code --sgx simulation}, attest with a quote and key agreement, connect to a native
 * module, events both ways; then the refusals: wrong MRENCLAVE, a simulated quote for a node not
 * in simulation, a second key agreement, and an event manager that runs real Gramine only.
 */
class SgxSimulationTest {
  private static final Selection VAULT = Selection.of(List.of("vault"));

  @TempDir static Path dir;
  static EventManager nativeNode;
  static EventManager sgxNode;
  static Path workspace;
  static Path built;

  @BeforeAll
  static void buildOnce() throws Exception {
    nativeNode = Fixture.em();
    sgxNode = EventManager.builder().port(LoopbackPorts.freeBlock(16)).logLevel(LogLevel.WARN)
        .sgx(SgxLoading.SIMULATION).build().start();
    workspace = dir.resolve("ws");
    built = builtIn(workspace);
  }

  /** Builds the descriptor's modules in a new workspace {@code ws}; the result file. */
  private static Path builtIn(Path ws) throws Exception {
    Fixture.workspace(ws);
    Files.writeString(ws.resolve("ra-settings.json"), "{}\n");
    Path descriptor = ws.resolve("descriptor.json");
    Files.writeString(descriptor, """
        {
          "nodes": [
            {"type": "native", "name": "plain", "host": "127.0.0.1", "reactive_port": %d},
            {"type": "sgx", "name": "enclaves", "host": "127.0.0.1", "reactive_port": %d,
             "sgx_mode": "simulation"}
          ],
          "modules": [
            {"type": "native", "name": "counter", "node": "plain", "folder": "counter"},
            {"type": "sgx", "name": "vault", "node": "enclaves", "folder": "counter",
             "vendor_key": "unused-in-simulation.pem", "ra_settings": "ra-settings.json"}
          ],
          "connections": [
            {"name": "to-native", "from_module": "vault", "from_output": "counted",
             "to_module": "counter", "to_input": "increment", "encryption": "aes"},
            {"name": "to-sgx", "from_module": "counter", "from_output": "counted",
             "to_module": "vault", "to_input": "restore", "encryption": "aes"},
            {"name": "inc-native", "direct": true, "to_module": "counter", "to_input": "increment",
             "encryption": "aes"},
            {"name": "inc-sgx", "direct": true, "to_module": "vault", "to_input": "increment",
             "encryption": "aes"},
            {"name": "get-native", "direct": true, "to_module": "counter",
             "to_handler": "get_count", "encryption": "aes"},
            {"name": "get-sgx", "direct": true, "to_module": "vault", "to_handler": "get_count",
             "encryption": "aes"}
          ]
        }
        """.formatted(nativeNode.port(), sgxNode.port()));
    Path result = ws.resolve("built.json");
    Fixture.open(descriptor, ws, result, new Fixture.Recorder()).build(Selection.all());
    return result;
  }

  @AfterAll
  static void stop() {
    nativeNode.close();
    sgxNode.close();
  }

  @Test
  void buildLoadAttestConnectAndEventsBothWays() throws Exception {
    SgxModule vault = (SgxModule) Fixture.read(built).module("vault").orElseThrow();
    assertThat(vault.mrEnclave()).get().asString().hasSize(64);
    assertThat(vault.sgxs()).get().asString().endsWith("module.bundle.zip");
    assertThat(vault.signature()).isEmpty();

    Path result = copy(built, "flow.json");
    Fixture.Recorder recorder = new Fixture.Recorder();
    Fixture.open(result, workspace, result, recorder).deploy(Selection.all());
    Fixture.open(result, workspace, result, recorder).attest(Selection.all());
    Descriptor attested = Fixture.read(result);
    assertThat(attested.modules()).allMatch(m -> m.common().attested() && m.key().isPresent());
    assertThat(recorder.warnings).anyMatch(w -> w.contains("SGX SIMULATION"));
    assertThat(recorder.infos).anyMatch(i -> i.contains("quote verified") && i.contains("INSECURE"));

    Fixture.open(result, workspace, result, recorder).connect(Selection.all());
    assertThat(Fixture.read(result).connections()).allMatch(Connection::established);

    // native -> sgx: counter counts 1 and passes 42 on to vault's restore.
    Fixture.open(result, workspace, result, recorder).output("inc-native", int32(42));
    awaitCount(result, "get-sgx", 42);
    awaitCount(result, "get-native", 1);
    // sgx -> native: vault counts 43, passes 7 to counter (2), which passes 7 back to vault.
    Fixture.open(result, workspace, result, recorder).output("inc-sgx", int32(7));
    awaitCount(result, "get-native", 2);
    awaitCount(result, "get-sgx", 7);

    // The module key of the enclave never reaches the log lines.
    String key = Hex.encode(Fixture.read(result).module("vault").orElseThrow().key().orElseThrow()
        .revealBytes());
    assertThat(String.join("\n", recorder.infos) + String.join("\n", recorder.warnings))
        .doesNotContainIgnoringCase(key);

    // Attesting again with the recorded key needs no new agreement: the challenge answers.
    Path again = copy(result, "again.json");
    Files.writeString(again, Files.readString(again)
        .replaceAll("\"attested\"\\s*:\\s*true", "\"attested\": false"));
    Fixture.open(again, workspace, again, recorder).attest(VAULT);
    assertThat(Fixture.read(again).module("vault").orElseThrow().key())
        .isEqualTo(Fixture.read(result).module("vault").orElseThrow().key());

    // Without it, a new key agreement is refused: nobody can replace the confirmed key.
    Path keyless = copy(again, "keyless.json");
    String field = "(?i)\"key\"\\s*:\\s*\"" + key + "\"";
    Files.writeString(keyless, Files.readString(keyless)
        .replaceAll(field + "\\s*,\\s*", "").replaceAll(",\\s*" + field, "")
        .replaceAll("\"attested\"\\s*:\\s*true", "\"attested\": false"));
    assertThat(Fixture.read(keyless).module("vault").orElseThrow().key()).isEmpty();
    assertThatThrownBy(() -> Fixture.open(keyless, workspace, keyless, recorder).attest(VAULT))
        .isInstanceOf(DeployerException.class)
        .hasMessageContaining("attest vault on enclaves")
        .hasMessageContaining("BAD_REQUEST")
        .hasMessageContaining("agreed on a key and confirmed it already");

    Fixture.open(again, workspace, again, recorder).reset(); // the latest counters
  }

  /**
   * update gives an enclave a new instance: built apart from the old one's files (its id is in
   * the measured stamp, so its MRENCLAVE differs), loaded, attested with a key agreement of its
   * own, handed the old enclave's state, and reached over re-keyed connections. In a workspace of
   * its own: the new build replaces the one the other tests load.
   */
  @Test
  void anUpdateReplacesTheEnclaveKeepingItsStateAndReKeyingItsConnections() throws Exception {
    Fixture.Recorder recorder = new Fixture.Recorder();
    Path ws = dir.resolve("update");
    Path result = builtIn(ws);
    try {
      Fixture.open(result, ws, result, recorder).deploy(Selection.all());
      Fixture.open(result, ws, result, recorder).attest(Selection.all());
      Fixture.open(result, ws, result, recorder).connect(Selection.all());
      // vault counts 1 and passes 5 on to counter, which passes it back: vault's count is 5.
      Fixture.open(result, ws, result, recorder).output("inc-sgx", int32(5));
      awaitCount(result, "get-sgx", 5);
      SgxModule before = (SgxModule) Fixture.read(result).module("vault").orElseThrow();

      Fixture.open(result, ws, result, recorder)
          .update("vault", Optional.of(new StateTransfer("save", "transfer_out", "restore")));

      SgxModule after = (SgxModule) Fixture.read(result).module("vault").orElseThrow();
      assertThat(after.id()).isNotEqualTo(before.id());
      assertThat(after.key()).isPresent().isNotEqualTo(before.key());
      assertThat(after.mrEnclave()).isPresent().isNotEqualTo(before.mrEnclave());
      assertThat(after.sgxs()).isEqualTo(before.sgxs());
      assertThat(Path.of(after.sgxs().orElseThrow())).isRegularFile();
      assertThat(ws.resolve("build/vault/.update")).doesNotExist();
      assertThat(ws.resolve("build/vault/module.json")).isRegularFile();
      assertThat(Fixture.read(result).connections()).allMatch(Connection::established);
      awaitCount(result, "get-sgx", 5);
      // counter counts 2 and passes 9 on to the new enclave's restore.
      Fixture.open(result, ws, result, recorder).output("inc-native", int32(9));
      awaitCount(result, "get-sgx", 9);
      assertThat(Fixture.open(result, ws, result, recorder).health())
          .containsExactly(new ModuleHealth.Answers("counter"), new ModuleHealth.Answers("vault"));
    } finally {
      Fixture.open(result, ws, result, recorder).reset();
    }
  }

  /**
   * An enclave loaded by a deploy that stopped before the result recorded it holds the port the
   * next Load needs: the next deploy attests it (the quote proves the code built for it) and
   * records it as deployed and attested.
   */
  @Test
  void anEnclaveLeftRunningByAnInterruptedDeployIsAttestedAndRecordedByTheNext() throws Exception {
    Fixture.Recorder recorder = new Fixture.Recorder();
    Path result = deployedVault("interrupted.json", recorder);
    Files.writeString(result, Files.readString(result)
        .replaceAll("\"deployed\"\\s*:\\s*true", "\"deployed\": false"));
    int loaded = sgxNode.modules().size();
    try {
      Fixture.open(result, workspace, result, recorder).deploy(VAULT);

      assertThat(recorder.infos).anyMatch(line -> line.startsWith("Module vault was already"
          + " running on enclaves as module 1, the enclave built for it (it attested)"));
      Module vault = Fixture.read(result).module("vault").orElseThrow();
      assertThat(vault.common().deployed()).isTrue();
      assertThat(vault.common().attested()).isTrue();
      assertThat(vault.key()).isPresent();
      assertThat(sgxNode.modules()).hasSize(loaded);
    } finally {
      Fixture.open(result, workspace, result, recorder).reset();
    }
  }

  /**
   * After a reset and a deploy, the result still holds the previous enclave's agreed key: status
   * does not challenge the new enclave until it is attested (it said the module REFUSES this
   * file's challenge, as if the file were stale, and exited 1).
   */
  @Test
  void aDeployedEnclaveIsNotChallengedUntilAttested() throws Exception {
    Fixture.Recorder recorder = new Fixture.Recorder();
    Path result = deployedVault("redeployed.json", recorder);
    try {
      Fixture.open(result, workspace, result, recorder).attest(VAULT);
      Fixture.open(result, workspace, result, recorder).reset();
      Fixture.open(result, workspace, result, recorder).deploy(VAULT);

      assertThat(Fixture.open(result, workspace, result, recorder).health())
          .contains(new ModuleHealth.NotChecked("vault",
              "not attested yet: no key agreed with this enclave to challenge"));
      Fixture.open(result, workspace, result, recorder).attest(VAULT);
      assertThat(Fixture.open(result, workspace, result, recorder).health())
          .contains(new ModuleHealth.Answers("vault"));
    } finally {
      Fixture.open(result, workspace, result, recorder).reset();
    }
  }

  @Test
  void aWrongMrEnclaveIsRefusedNamingTheCheck() throws Exception {
    Fixture.Recorder recorder = new Fixture.Recorder();
    Path result = deployedVault("wrong-mrenclave.json", recorder);
    String mr = ((SgxModule) Fixture.read(result).module("vault").orElseThrow()).mrEnclave().orElseThrow();
    Files.writeString(result, Files.readString(result).replace(mr, "ab".repeat(32)));
    Fixture.Recorder attests = new Fixture.Recorder();
    String attestedInsecurely = "module vault is attested with INSECURE test quotes";
    try {
      assertThatThrownBy(() -> Fixture.open(result, workspace, result, attests).attest(VAULT))
          .isInstanceOf(DeployerException.class)
          .hasMessageContaining("attest vault on enclaves (127.0.0.1:" + sgxNode.port() + ")")
          .hasMessageContaining("check MRENCLAVE")
          .hasMessageContaining("does not run the code built for vault");
      assertThat(Fixture.read(result).module("vault").orElseThrow().key()).isEmpty();
      assertThat(attests.warnings).as("no warning of an attestation that did not happen")
          .noneMatch(w -> w.contains(attestedInsecurely));

      // The policy put right, it attests without a restart: the refused agreement was never used.
      Files.writeString(result, Files.readString(result).replace("ab".repeat(32), mr));
      Fixture.open(result, workspace, result, attests).attest(VAULT);
      assertThat(Fixture.read(result).module("vault").orElseThrow().common().attested()).isTrue();
      assertThat(attests.warnings).anyMatch(w -> w.contains(attestedInsecurely));
    } finally {
      Fixture.open(result, workspace, result, recorder).reset();
    }
  }

  @Test
  void aSimulatedQuoteIsRefusedForANodeNotInSimulation() throws Exception {
    Fixture.Recorder recorder = new Fixture.Recorder();
    Path result = deployedVault("not-simulated.json", recorder);
    toGramine(result);
    assertThat(Files.readString(result)).contains("\"sgx_mode\": \"gramine\"");
    try {
      assertThatThrownBy(() -> Fixture.open(result, workspace, result, recorder).attest(VAULT))
          .isInstanceOf(DeployerException.class)
          .hasMessageContaining("attest vault on enclaves")
          .hasMessageContaining("ra_settings gives no \"collateral\"");
      Files.writeString(workspace.resolve("ra-real.json"), "{\"collateral\": \"missing.json\"}");
      Files.writeString(result, Files.readString(result).replace("ra-settings.json", "ra-real.json"));
      assertThatThrownBy(() -> Fixture.open(result, workspace, result, recorder).attest(VAULT))
          .hasMessageContaining("cannot read the collateral");
    } finally {
      Fixture.open(result, workspace, result, recorder).reset();
    }
  }

  @Test
  void anEventManagerForRealSgxRefusesASimulationBuild() throws Exception {
    try (EventManager gramine = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).sgx(SgxLoading.GRAMINE).build().start()) {
      Path result = copy(built, "on-gramine.json");
      Files.writeString(result, Files.readString(result)
          .replaceAll("(\"(reactive|deploy)_port\"\\s*:\\s*)" + sgxNode.port(), "$1" + gramine.port()));
      assertThat(Files.readString(result)).contains(Integer.toString(gramine.port()));
      assertThatThrownBy(() -> Fixture.open(result, workspace, result, new Fixture.Recorder())
          .deploy(VAULT))
          .isInstanceOf(DeployerException.class)
          .hasMessageContaining("deploy vault on enclaves")
          .hasMessageContaining("INTERNAL_ERROR")
          .hasMessageContaining("--sgx simulation");
      assertThat(gramine.modules()).isEmpty();
    }
  }

  @Test
  void aRealSgxBuildWithoutGramineSaysWhatToInstall() throws Exception {
    Path result = copy(built, "real-build.json");
    toGramine(result);
    Fixture.Recorder recorder = new Fixture.Recorder();
    assertThatThrownBy(() -> Fixture.open(result, workspace, workspace.resolve("real-out.json"),
        recorder).build(VAULT))
        .isInstanceOf(DeployerException.class)
        .hasMessageContaining("build vault")
        .hasMessageContaining("gramine-manifest not found on the PATH")
        .hasMessageContaining("\"sgx_mode\": \"simulation\"");
    assertThat(recorder.warnings).anyMatch(w -> w.contains("DEBUG enclave"));
  }

  /** The original's EPID settings stop the deploy at the build, before anything is loaded. */
  @Test
  void theOriginalsEpidSettingsStopTheDeployBeforeAnyLoad() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("epid"));
    Files.writeString(ws.resolve("settings.json"),
        "{\"spid\": \"00000000000000000000000000000000\", \"linkable\": false}\n");
    Path descriptor = ws.resolve("descriptor.json");
    Files.writeString(descriptor, """
        {"nodes": [{"type": "sgx", "name": "enclaves", "host": "127.0.0.1", "reactive_port": %d,
                    "sgx_mode": "simulation"}],
         "modules": [{"type": "sgx", "name": "vault", "node": "enclaves", "folder": "counter",
                      "vendor_key": "unused-in-simulation.pem", "ra_settings": "settings.json"}]}
        """.formatted(sgxNode.port()));
    int loaded = sgxNode.modules().size();

    assertThatThrownBy(() -> Fixture.open(descriptor, ws, ws.resolve("result.json"),
        new Fixture.Recorder()).deploy(Selection.all()))
        .hasMessage("build vault on enclaves (127.0.0.1:" + sgxNode.port() + "): ra_settings "
            + ws.resolve("settings.json") + " holds EPID/IAS settings (spid), which Intel has shut"
            + " down. Write the aex DCAP settings instead (docs/sgx.md)");
    assertThat(sgxNode.modules()).hasSize(loaded);
  }

  /** A native module for an event manager that runs SGX nodes: the hint names the node type. */
  @Test
  void aNativeNodeWhoseEventManagerRunsSgxSaysToDeclareItSgx() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("native-on-sgx"));
    Path descriptor = ws.resolve("descriptor.json");
    Files.writeString(descriptor, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "counter", "node": "n"}]}
        """.formatted(sgxNode.port()));

    assertThatThrownBy(() -> Fixture.open(descriptor, ws, ws.resolve("result.json"),
        new Fixture.Recorder()).deploy(Selection.all()))
        .hasMessageContaining("Load failed with ILLEGAL_PAYLOAD(2)")
        .hasMessageEndingWith("One started with --sgx takes SGX modules only: then declare the"
            + " node \"type\": \"sgx\" (docs/sgx.md)");
  }

  /** A copy of the built result, named {@code name}, with vault deployed. */
  private static Path deployedVault(String name, Fixture.Recorder recorder) throws Exception {
    Path result = copy(built, name);
    Fixture.open(result, workspace, result, recorder).deploy(VAULT);
    return result;
  }

  /** Says in {@code result} that the node runs real SGX, not the simulation. */
  private static void toGramine(Path result) throws Exception {
    Files.writeString(result, Files.readString(result)
        .replaceAll("\"sgx_mode\"\\s*:\\s*\"simulation\"", "\"sgx_mode\": \"gramine\""));
  }

  private static Path copy(Path from, String name) throws Exception {
    Path to = workspace.resolve(name);
    Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  private static byte[] int32(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  private static void awaitCount(Path result, String connection, int expected) {
    Fixture.Recorder quiet = new Fixture.Recorder();
    int[] last = {-1};
    Fixture.await(connection + " to answer " + expected, Duration.ofSeconds(15), () -> {
      try {
        last[0] = u32(Fixture.open(result, result.getParent(), result, quiet)
            .request(connection, new byte[0]));
        return last[0] == expected;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
