package dev.aex.deployer.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.deployer.Deployer;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.crypto.SymmetricKey;
import dev.aex.em.EventManager;
import dev.aex.module.build.BuiltModule;
import dev.aex.module.build.ModuleBuilder;
import dev.aex.module.build.ModuleStamp;
import dev.aex.testkit.Hex;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.NativeLoad;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireClient;
import dev.aex.em.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite a connection gets from its endpoints, and periodic events. */
class SuitesAndEventsTest {
  @TempDir Path dir;
  EventManager em;

  // One event manager per test: both load a module with id 1, which listens on EM port + 1.
  @BeforeEach
  void start() throws Exception {
    em = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).periodicTasks(true).build()
        .start();
  }

  @AfterEach
  void stop() {
    em.close();
  }

  @Test
  void aConnectionToAnOriginalModuleUsesTheLegacySuiteWithAWarning() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("legacy"));
    Files.createDirectories(ws.resolve("rusty"));
    Files.writeString(ws.resolve("rusty/Cargo.toml"), "[package]\nname = \"rusty\"\n");
    int dead = Fixture.deadPort();
    Path file = ws.resolve("descriptor.json");
    Files.writeString(file, """
        {"nodes": [
           {"type": "native", "name": "up", "host": "127.0.0.1", "reactive_port": %d},
           {"type": "native", "name": "down", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [
           {"type": "native", "name": "counter", "node": "up"},
           {"type": "native", "name": "rusty", "node": "down", "deployed": true,
            "attested": true, "id": 1, "key": "000102030405060708090a0b0c0d0e0f"}],
         "connections": [
           {"name": "to-rust", "from_module": "counter", "from_output": "counted",
            "to_module": "rusty", "to_input": 0, "encryption": "aes"}]}
        """.formatted(em.port(), dead));
    Path result = ws.resolve("result.json");
    Fixture.Recorder recorder = new Fixture.Recorder();
    Fixture.open(file, ws, result, recorder).deploy(Selection.all());
    assertThat(recorder.infos).anyMatch(i -> i.contains("legacy zero-IV AES"));
    Fixture.open(result, ws, result, recorder).attest(Selection.all());

    // counter (built for the legacy suite) takes its key; the original module's node is down.
    assertThatThrownBy(() -> Fixture.open(result, ws, result, recorder).connect(Selection.all()))
        .hasMessageStartingWith("set_key (connection to-rust) for rusty on down (127.0.0.1:"
            + dead + "): connection refused");
    assertThat(recorder.warnings).containsExactly("Connection to-rust uses the legacy zero-IV AES"
        + " suite because an end is an original module: the event manager can read and forge its"
        + " events (SECURITY.md §2)");
    Descriptor state = Fixture.read(result);
    assertThat(state.connection("to-rust").orElseThrow().established()).isFalse();
    // attest and one set_key, each a command whose first counter skips ahead (1 to 2^36)
    assertThat(state.module("counter").orElseThrow().common().nonce())
        .isBetween(2 + 2L, 2 + 2 * (1L << 36));
    // The original module never got its set_key, so its exact-next nonce is not used up.
    assertThat(state.module("rusty").orElseThrow().common().nonce()).isZero();
  }

  @Test
  void aBuildRecordsTheBinaryAndLaterOpensCheckNamesAgainstItsManifest() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("manifest"));
    String descriptor = """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "counter", "node": "n"},
                     {"type": "native", "name": "other", "node": "n", "folder": "counter"}],
         "connections": [{"from_module": "counter", "from_output": "%s", "to_module": "other",
                          "to_input": "increment", "encryption": "aes"}]}
        """;
    Path file = ws.resolve("descriptor.json");
    Files.writeString(file, descriptor.formatted(em.port(), "countd"));
    Path result = ws.resolve("result.json");
    Deployer d = Fixture.open(file, ws, result, new Fixture.Recorder());
    // The build itself finds the name the built module lacks, as deploy would (it said nothing).
    assertThatThrownBy(() -> d.build(Selection.of(java.util.List.of("counter"))))
        .hasMessageStartingWith("The descriptor names what its modules do not have; fix the"
            + " descriptor (not the result file) and run again:\n  connection")
        .hasMessageContaining("module counter has no output named \"countd\"");
    NativeModule built = (NativeModule) d.state().module("counter").orElseThrow();
    assertThat(built.binary().orElseThrow()).endsWith("build/counter/counter");
    assertThat(built.data().orElseThrow().names(EndpointKind.OUTPUT))
        .containsExactly("counted", "transfer_out");

    assertThatThrownBy(() -> Fixture.open(file, ws, result, new Fixture.Recorder()))
        .isInstanceOf(DescriptorException.class)
        .hasMessageContaining("module \"counter\" has no output named \"countd\"")
        .hasMessageContaining("did you mean \"counted\"?");
  }

  @Test
  void anAexModuleTalksToAnOriginalModuleOverTheLegacySuite() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("interop"));
    // The original module: played by the counter built with the legacy stamp (the layouts and
    // zero-IV AES of the original runtime), loaded by hand, declared pre-deployed without the
    // "runtime": "aex" of a module that aex built.
    SymmetricKey origKey = SymmetricKey.random16();
    BuiltModule built = ModuleBuilder.build(ws.resolve("counter"),
        ModuleStamp.of(2, em.port(), origKey).withOriginalControl(), dir.resolve("orig.bin"));
    ResultMessage loaded = WireClient.to(em.address(), Fixture.TIMEOUT)
        .exchange(new NativeLoad(Bytes.of(Files.readAllBytes(built.binary())))).orElseThrow();
    assertThat(loaded.code()).isEqualTo(ResultCode.OK);
    Path file = ws.resolve("descriptor.json");
    Files.writeString(file, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [
           {"type": "native", "name": "counter", "node": "n"},
           {"type": "native", "name": "orig", "node": "n", "deployed": true, "id": 2,
            "key": "%s"}],
         "connections": [
           {"name": "forward", "from_module": "counter", "from_output": "counted",
            "to_module": "orig", "to_input": 0, "encryption": "aes"},
           {"name": "inc", "direct": true, "to_module": "counter", "to_input": "increment",
            "encryption": "aes"},
           {"name": "to-orig", "direct": true, "to_module": "orig", "to_input": 0,
            "encryption": "aes"},
           {"name": "get-orig", "direct": true, "to_module": "orig", "to_handler": 49152,
            "encryption": "aes"}]}
        """.formatted(em.port(), Hex.encode(origKey.revealBytes())));
    Path result = ws.resolve("result.json");
    Fixture.Recorder recorder = new Fixture.Recorder();
    Fixture.open(file, ws, result, recorder).deploy(Selection.all());
    Fixture.open(result, ws, result, recorder).attest(Selection.all());
    Fixture.open(result, ws, result, recorder).connect(Selection.all());
    assertThat(recorder.warnings).hasSize(3)
        .allMatch(w -> w.contains("legacy zero-IV AES"))
        .anyMatch(w -> w.startsWith("Connection forward "))
        .anyMatch(w -> w.startsWith("Connection to-orig "))
        .anyMatch(w -> w.startsWith("Connection get-orig "));

    // The result alone says which module speaks which suite, so these work from any folder.
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Fixture.open(result, elsewhere, result, recorder).output("inc", new byte[] {1});
    Fixture.open(result, elsewhere, result, recorder).output("inc", new byte[] {2});
    Fixture.open(result, elsewhere, result, recorder).output("to-orig", new byte[] {3});
    int[] count = {-1};
    Fixture.await("the original module to count 3", Duration.ofSeconds(10), () -> {
      try {
        count[0] = Fixture.u32(Fixture.open(result, elsewhere, result, recorder)
            .request("get-orig", new byte[0]));
        return count[0] == 3;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    Descriptor state = Fixture.read(result);
    assertThat(((NativeModule) state.module("counter").orElseThrow()).aexRuntime()).isTrue();
    assertThat(((NativeModule) state.module("orig").orElseThrow()).aexRuntime()).isFalse();
    // The original counts two per request (request and reply), one per output.
    assertThat(state.connection("get-orig").orElseThrow().nonce() % 2).isZero();
    assertThat(state.connection("to-orig").orElseThrow().nonce()).isEqualTo(1);
    // orig: set_key forward, to-orig, get-orig (no attestation traffic for an original native)
    assertThat(state.module("orig").orElseThrow().common().nonce()).isEqualTo(3);

    // More data than one sealed message carries fails before a counter is taken, naming the bound
    // of the connection's suite (the secure suite adds 24 bytes, the legacy one 16).
    assertThatThrownBy(() -> Fixture.open(result, ws, result, recorder)
        .output("inc", new byte[65_508]))
        .hasMessageContaining("the argument is 65508 bytes; at most 65507 fit one sealed message"
            + " on this connection");
    assertThatThrownBy(() -> Fixture.open(result, ws, result, recorder)
        .request("get-orig", new byte[65_516]))
        .hasMessageContaining("at most 65515 fit");
    assertThat(Fixture.read(result).connections()).isEqualTo(state.connections());
    Fixture.open(result, ws, result, recorder).output("inc", new byte[65_507]);
  }

  @Test
  void aPeriodicEventCallsItsEntry() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("periodic"));
    Path file = ws.resolve("descriptor.yaml");
    Files.writeString(file, """
        nodes:
          - {type: native, name: n, host: 127.0.0.1, reactive_port: %d}
        modules:
          - {type: native, name: counter, node: n}
        periodic-events:
          - {module: counter, entry: tick, frequency: 50}
        """.formatted(em.port()));
    Path result = ws.resolve("result.yaml");
    Fixture.Recorder recorder = new Fixture.Recorder();
    Deployer d = Fixture.open(file, ws, result, recorder);
    assertThatThrownBy(() -> d.register(Selection.all()))
        .hasMessage("One or more modules are not attested yet: [counter]. Run attest first");
    d.deploy(Selection.all().inOrder());
    d.attest(Selection.all().inOrder());
    d.register(Selection.all().inOrder());
    assertThat(d.state().periodicEvents().get(0).established()).isTrue();
    assertThat(recorder.timings).containsKey("Register time for event0");
    awaitTwoTicks(d, "the periodic tick");
    assertThatThrownBy(() -> d.call("counter", "peeek", new byte[0]))
        .hasMessageContaining("module counter has no entry named \"peeek\"")
        .hasMessageContaining("did you mean \"peek\"?");

    // An update points the event at the new instance, which counts from 0.
    d.update("counter", Optional.empty());
    assertThat(d.state().periodicEvents().get(0).established()).isTrue();
    awaitTwoTicks(d, "the periodic tick of the new instance");
    d.reset();
  }

  private static void awaitTwoTicks(Deployer d, String what) {
    Fixture.await(what, Duration.ofSeconds(10), () -> {
      try {
        return Fixture.u32(d.call("counter", "peek", new byte[0])) >= 2;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
