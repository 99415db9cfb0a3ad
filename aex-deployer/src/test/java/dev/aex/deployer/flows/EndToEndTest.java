package dev.aex.deployer.flows;

import static dev.aex.deployer.flows.Fixture.u32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.deployer.Deployer;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorWriter;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleCommon;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.em.EventManager;
import dev.aex.testkit.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole life of an application on two in-process event managers with real module processes:
 * deploy, attest, connect, direct output and request, update with state transfer, reset. Each
 * phase opens the result file afresh, as separate CLI runs do, so the nonces must carry over.
 */
class EndToEndTest {
  @TempDir static Path dir;
  static EventManager node1;
  static EventManager node2;

  @BeforeAll
  static void start() throws Exception {
    node1 = Fixture.em();
    node2 = Fixture.em();
  }

  @AfterAll
  static void stop() {
    node1.close();
    node2.close();
  }

  @Test
  void deployAttestConnectOutputRequestUpdateReset() throws Exception {
    Path workspace = Fixture.workspace(dir.resolve("ws"));
    Path descriptor = workspace.resolve("descriptor.json");
    Files.writeString(descriptor, """
        {
          "nodes": [
            {"type": "native", "name": "node1", "host": "127.0.0.1", "reactive_port": %d},
            {"type": "native", "name": "node2", "host": "127.0.0.1", "reactive_port": %d}
          ],
          "modules": [
            {"type": "native", "name": "counter", "node": "node1", "folder": "counter"},
            {"type": "native", "name": "mirror", "node": "node2", "folder": "counter"}
          ],
          "connections": [
            {"name": "forward", "from_module": "counter", "from_output": "counted",
             "to_module": "mirror", "to_input": "increment", "encryption": "aes"},
            {"name": "inc", "direct": true, "to_module": "counter", "to_input": "increment",
             "encryption": "aes"},
            {"name": "get", "direct": true, "to_module": "counter", "to_handler": "get_count",
             "encryption": "aes"},
            {"name": "get-mirror", "direct": true, "to_module": "mirror",
             "to_handler": "get_count", "encryption": "aes"}
          ]
        }
        """.formatted(node1.port(), node2.port()));
    Path result = workspace.resolve("result.json");
    Fixture.Recorder recorder = new Fixture.Recorder();

    Fixture.open(descriptor, workspace, result, recorder).deploy(Selection.all());
    Descriptor deployed = Fixture.read(result);
    assertThat(deployed.modules()).allMatch(m -> m.common().deployed() && !m.common().attested());
    assertThat(node1.modules()).hasSize(1);
    assertThat(node2.modules()).hasSize(1);
    assertThat(((NativeModule) deployed.module("counter").orElseThrow()).binary().orElseThrow())
        .endsWith("build/counter/counter");

    Fixture.open(result, workspace, result, recorder).attest(Selection.all());
    Descriptor attested = Fixture.read(result);
    assertThat(attested.modules()).allMatch(m -> m.common().attested());
    for (Module m : attested.modules()) {
      assertAdvanced(m.name(), 0, m.common().nonce(), 1); // the attest challenge
    }

    Fixture.open(result, workspace, result, recorder).connect(Selection.all());
    Descriptor connected = Fixture.read(result);
    assertThat(connected.connections()).allMatch(Connection::established);
    // counter: set_key forward, set_key inc, set_key get; mirror: set_key forward, get-mirror
    for (String name : List.of("counter", "mirror")) {
      assertAdvanced(name, attested.module(name).orElseThrow().common().nonce(),
          connected.module(name).orElseThrow().common().nonce(), name.equals("counter") ? 3 : 2);
    }
    assertThat(recorder.warnings).isEmpty();

    long incBefore = connected.connection("inc").orElseThrow().nonce();
    for (int i = 1; i <= 3; i++) {
      Fixture.open(result, workspace, result, recorder).output("inc", new byte[] {(byte) i});
    }
    assertThat(Fixture.read(result).connection("inc").orElseThrow().nonce() - incBefore)
        .as("three outputs, each a command of its own that skips ahead")
        .isBetween(3 + 3L, 3 + 3 * SPREAD);
    // RemoteOutput has no reply: the events may still be on their way when the request arrives.
    awaitCount(result, workspace, "get", 3);
    awaitCount(result, workspace, "get-mirror", 3);
    Deployer byId = Fixture.open(result, workspace, result, recorder);
    int getId = byId.state().connection("get").orElseThrow().id().orElseThrow();
    assertThat(u32(byId.request(Integer.toString(getId), new byte[0]))).isEqualTo(3);
    assertThat(u32(byId.call("counter", "peek", new byte[0]))).isEqualTo(3);

    // Move counter to node2, carrying its count over.
    Descriptor before = Fixture.read(result);
    int oldId = before.module("counter").orElseThrow().id().orElseThrow();
    DescriptorWriter.write(moveTo(before, "counter", "node2"), DescriptorFormat.JSON, result);
    Fixture.open(result, workspace, result, recorder)
        .update("counter", Optional.of(new StateTransfer("save", "transfer_out", "restore")));
    Descriptor updated = Fixture.read(result);
    Module clone = updated.module("counter").orElseThrow();
    assertThat(clone.common().oldNode()).isEqualTo("node2");
    assertThat(clone.id().orElseThrow()).isNotEqualTo(oldId);
    assertThat(clone.common().attested()).isTrue();
    assertThat(updated.connections()).allMatch(Connection::established);
    assertThat(updated.connectionsCurrentId()).isEqualTo(before.connectionsCurrentId() + 1);
    // Both disables are of the old instance; the log said "Disabled counter" twice.
    assertThat(recorder.infos).filteredOn(i -> i.startsWith("Disabled ")).containsExactly(
        "Disabled the old instance of counter (module " + oldId + " on node1)",
        "Disabled the old instance of counter (module " + oldId + " on node1) again, now that its"
            + " state is sent (it holds the transfer key)");
    awaitCount(result, workspace, "get", 3);
    Fixture.open(result, workspace, result, recorder).output("inc", new byte[] {9});
    awaitCount(result, workspace, "get", 4);
    awaitCount(result, workspace, "get-mirror", 4);
    assertThat(node2.modules()).hasSize(2);

    Fixture.open(result, workspace, result, recorder).reset();
    Descriptor reset = Fixture.read(result);
    assertThat(reset.modules()).noneMatch(m -> m.common().deployed() || m.common().attested());
    assertThat(reset.connections()).noneMatch(Connection::established);
    assertThat(node1.modules()).isEmpty();
    assertThat(node2.modules()).isEmpty();

    // No key ever reaches the listener (what --verbose and --timing print).
    List<String> keys = new ArrayList<>();
    for (Descriptor seen : List.of(connected, updated)) {
      seen.modules().forEach(m -> m.key().ifPresent(k -> keys.add(Hex.encode(k.revealBytes()))));
      seen.connections().forEach(c -> c.key().ifPresent(k -> keys.add(Hex.encode(k.revealBytes()))));
    }
    assertThat(keys).hasSize(2 * (2 + 4));
    for (String line : concat(recorder.infos, recorder.warnings, recorder.timingLines)) {
      for (String key : keys) {
        assertThat(line.toLowerCase(java.util.Locale.ROOT)).doesNotContain(key);
      }
    }

    System.out.println("[aex-deployer] timings:\n  " + String.join("\n  ", recorder.timingLines));
  }

  /** The random skip of a command's first counter under a key is at most this (Counters). */
  private static final long SPREAD = 1L << 36;

  /**
   * A command that sent {@code messages} under a key of the secure suite advanced its counter by
   * that many, and by the random skip of its first one (1 to {@link #SPREAD}).
   */
  private static void assertAdvanced(String name, long before, long after, int messages) {
    assertThat(after - before).as(name + "'s counter").isBetween(messages + 1L, messages + SPREAD);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return all;
  }

  /** Asks over {@code connection} until the count is {@code expected} (events are asynchronous). */
  private static void awaitCount(Path result, Path workspace, String connection, int expected)
      throws Exception {
    Fixture.Recorder quiet = new Fixture.Recorder();
    int[] last = {-1};
    Fixture.await(connection + " to answer " + expected, Duration.ofSeconds(10), () -> {
      try {
        last[0] = u32(Fixture.open(result, workspace, result, quiet).request(connection,
            new byte[0]));
        return last[0] == expected;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    assertThat(last[0]).isEqualTo(expected);
  }

  static Descriptor moveTo(Descriptor d, String module, String node) {
    return d.withModules(d.modules().stream().map(m -> {
      if (!m.name().equals(module)) {
        return m;
      }
      NativeModule n = (NativeModule) m;
      ModuleCommon c = n.common();
      return new NativeModule(new ModuleCommon(c.name(), node, c.oldNode(), c.priority(),
          c.deployed(), c.nonce(), c.attested()), n.folder(), n.features(), n.id(), n.port(),
          n.binary(), n.key(), n.data(), n.aexRuntime());
    }).toList());
  }
}
