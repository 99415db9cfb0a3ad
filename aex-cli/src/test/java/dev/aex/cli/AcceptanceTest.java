package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.testkit.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's acceptance, in-process: the original's native acceptance flows (deployer-reference.md
 * §7) for the repository's examples, each through the aex command against event managers on free
 * ports (a copy of the example whose descriptor has those ports): FOSDEM (init-server, then the
 * page shows 0, 1, 2 as the button is pressed), db-webserver (0, 1, 2), state-transfer (the count
 * survives an update to another node) and ping-pong (a round trip completes). Examples that are
 * not there are skipped. {@code scripts/acceptance.sh} runs the same four with separate processes,
 * and the FOSDEM and state-transfer flows on SGX nodes in simulation too.
 */
@Timeout(120)
class AcceptanceTest {
  @TempDir Path dir;

  private final List<EventManager> ems = new ArrayList<>();

  @AfterEach
  void stop() {
    ems.forEach(EventManager::close);
  }

  private EventManager em() throws IOException {
    EventManager em = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).build().start();
    ems.add(em);
    return em;
  }

  /** Where the commands run: the test's folder, or the example's (state-transfer's update). */
  private Path cwd;

  private CliRun ok(String... args) {
    CliRun run = CliRun.run(cwd == null ? dir : cwd, SessionOpener.deployer(), args);
    assertThat(run.status()).as(String.join(" ", args) + "\n" + run).isZero();
    return run;
  }

  private static String response(CliRun run) {
    return run.err().lines().filter(l -> l.startsWith("INFO: Response: "))
        .map(l -> l.substring("INFO: Response: ".length())).findFirst().orElse("");
  }

  private void deployAttestConnect(String descriptor) {
    // The original's CI: deploy --workspace demo native.json --result ../res.json; attest; connect.
    ok("deploy", "--workspace", "app", descriptor, "--result", "../res.json");
    ok("attest", "res.json");
    ok("connect", "res.json");
  }

  @Test
  void fosdem() throws Exception {
    assumeTrue(ExampleApp.exists("fosdem", "native.json"), "examples/fosdem is not there");
    EventManager node1 = em();
    EventManager node2 = em();
    ExampleApp.copy("fosdem", "native.json", dir.resolve("app"),
        Map.of(5000, node1.port(), 6000, node2.port()));
    deployAttestConnect("native.json");
    assertThat(node1.modules()).hasSize(3);
    assertThat(node2.modules()).hasSize(2);

    int web = LoopbackPorts.free();
    ok("output", "res.json", "--connection", "init-server", "--arg",
        HexFormat.of().toHexDigits((short) web));
    assertThat(ExampleApp.awaitPage(web)).isEqualTo("0");
    ok("output", "res.json", "--connection", "trigger-btn");
    assertThat(ExampleApp.awaitCount(web, "1")).isEqualTo("1");
    ok("output", "res.json", "--connection", "trigger-btn");
    assertThat(ExampleApp.awaitCount(web, "2")).isEqualTo("2");
    assertThat(response(ok("--verbose", "request", "res.json", "--connection", "get-presses")))
        .isEqualTo("\"00000002\"");
  }

  @Test
  void dbWebserver() throws Exception {
    assumeTrue(ExampleApp.exists("db-webserver", "descriptor.json"),
        "examples/db-webserver is not there");
    EventManager node = em();
    ExampleApp.copy("db-webserver", "descriptor.json", dir.resolve("app"),
        Map.of(5000, node.port()));
    deployAttestConnect("descriptor.json");

    int web = LoopbackPorts.free();
    ok("call", "res.json", "--module", "webserver", "--entry", "init", "--arg",
        HexFormat.of().toHexDigits((short) web));
    // Each GET counts itself with an event to db before answering; requests are not queued behind
    // events at the event manager, so give the event a moment to be delivered.
    assertThat(ExampleApp.awaitPage(web)).isEqualTo("0");
    Thread.sleep(500);
    assertThat(ExampleApp.get(web)).contains("1");
    Thread.sleep(500);
    assertThat(ExampleApp.get(web)).contains("2");
  }

  @Test
  void stateTransfer() throws Exception {
    assumeTrue(ExampleApp.exists("state-transfer", "descriptor.json"),
        "examples/state-transfer is not there");
    EventManager node1 = em();
    EventManager node2 = em();
    ExampleApp.copy("state-transfer", "descriptor.json", dir.resolve("app"),
        Map.of(5000, node1.port(), 6000, node2.port()));
    // As its README: everything from the example's folder (update builds relative to it).
    cwd = dir.resolve("app");
    ok("deploy", "descriptor.json", "--result", "res.json");
    ok("attest", "res.json");
    ok("connect", "res.json");

    int web1 = LoopbackPorts.free();
    ok("call", "res.json", "--module", "counter", "--entry", "init", "--arg",
        HexFormat.of().toHexDigits((short) web1));
    assertThat(ExampleApp.awaitPage(web1)).isEqualTo("0");
    String count = "";
    for (int i = 0; i < 50 && !count.equals("\"00000001\""); i++) {
      count = response(ok("--verbose", "request", "res.json", "--connection", "get-requests"));
      Thread.sleep(count.equals("\"00000001\"") ? 0 : 100);
    }
    assertThat(count).isEqualTo("\"00000001\"");

    // Move counter to node_2, as the README says: edit "node" (not "old_node"), then update.
    Path res = cwd.resolve("res.json");
    Files.writeString(res, Files.readString(res)
        .replaceFirst("(?<!old_)\"node\"\\s*:\\s*\"node_1\"", "\"node\": \"node_2\""));
    ok("update", "res.json", "--module", "counter", "--entry", "__save", "--output", "__transfer",
        "--input", "__restore");
    assertThat(node2.modules()).hasSize(1);
    int web2 = LoopbackPorts.free();
    ok("call", "res.json", "--module", "counter", "--entry", "init", "--arg",
        HexFormat.of().toHexDigits((short) web2));
    assertThat(ExampleApp.awaitPage(web2)).as("the count survived the update").isEqualTo("1");
  }

  @Test
  void pingPong() throws Exception {
    assumeTrue(ExampleApp.exists("ping-pong", "descriptor.json"), "examples/ping-pong is not there");
    EventManager node1 = em();
    EventManager node2 = em();
    EventManager node3 = em();
    ExampleApp.copy("ping-pong", "descriptor.json", dir.resolve("app"),
        Map.of(5000, node1.port(), 6000, node2.port(), 7000, node3.port()));
    deployAttestConnect("descriptor.json");

    ok("call", "res.json", "--module", "ping", "--entry", "start", "--arg", "0800");
    String pongs = "";
    for (int i = 0; i < 100 && !pongs.equals("\"00000001\""); i++) {
      pongs = response(ok("--verbose", "call", "res.json", "--module", "ping", "--entry", "pongs"));
      Thread.sleep(pongs.equals("\"00000001\"") ? 0 : 100);
    }
    assertThat(pongs).as("the pong came back").isEqualTo("\"00000001\"");
  }
}
