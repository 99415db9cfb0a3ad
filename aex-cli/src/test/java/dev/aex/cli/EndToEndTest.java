package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aex command end to end, in-process, over the real deployer: an in-process event manager on
 * a free loopback port, a Java module folder built and run as a real module process, and deploy,
 * attest, connect, output, request, call and reset run through {@link Main}.
 */
@Timeout(120)
class EndToEndTest {
  @TempDir Path workspace;

  private EventManager em;

  @BeforeEach
  void start() throws IOException {
    // Periodic tasks on: register is refused by an aex event manager without them.
    em = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).periodicTasks(true).build().start();
    Files.createDirectories(workspace.resolve("counter"));
    try (InputStream in = getClass().getResourceAsStream("/modules/counter/Counter.java")) {
      Files.write(workspace.resolve("counter/Counter.java"), in.readAllBytes());
    }
  }

  @AfterEach
  void stop() {
    if (em != null) {
      em.close();
    }
  }

  private static String descriptor(int port) {
    return """
        {
            "nodes": [
                {"type": "native", "name": "node1", "host": "127.0.0.1", "reactive_port": %d}
            ],
            "modules": [
                {"type": "native", "name": "counter", "node": "node1"}
            ],
            "connections": [
                {"name": "inc", "direct": true, "to_module": "counter", "to_input": "increment",
                 "encryption": "aes"},
                {"name": "get", "direct": true, "to_module": "counter", "to_handler": "get_count",
                 "encryption": "aes"}
            ]
        }
        """.formatted(port);
  }

  private CliRun aex(String... args) {
    CliRun run = CliRun.run(workspace, SessionOpener.deployer(), args);
    return run;
  }

  private CliRun ok(String... args) {
    CliRun run = aex(args);
    assertThat(run.status()).as(String.join(" ", args) + "\n" + run).isZero();
    return run;
  }

  @Test
  void deployAttestConnectOutputRequestCallReset() throws Exception {
    Files.writeString(workspace.resolve("descriptor.json"), descriptor(em.port()));

    CliRun deploy = ok("--timing", "deploy", "descriptor.json", "--result", "res.json");
    assertThat(deploy.out()).containsPattern("(?m)^Deploy time for counter: \\d+\\.\\d{3}$");
    assertThat(Files.readString(workspace.resolve("descriptor.json")))
        .isEqualTo(descriptor(em.port()));
    assertThat(Files.readString(workspace.resolve("res.json"))).contains("\"deployed\": true");
    assertThat(em.modules()).hasSize(1);

    ok("attest", "res.json");
    assertThat(Files.readString(workspace.resolve("res.json"))).contains("\"attested\": true");

    CliRun connect = ok("connect", "res.json", "--timing", "--output", "yaml", "--result",
        "res.yaml");
    assertThat(connect.out()).containsPattern("(?m)^Establish time for inc: \\d+\\.\\d{3}$")
        .containsPattern("(?m)^Establish time for get: \\d+\\.\\d{3}$");
    assertThat(Files.readString(workspace.resolve("res.yaml"))).contains("established: true");

    ok("output", "res.yaml", "--connection", "inc", "--arg", "beef");
    ok("output", "res.yaml", "--connection", "inc");

    // RemoteOutput has no reply: ask until the module has counted both (bounded).
    String response = "";
    for (int i = 0; i < 50 && !response.equals("INFO: Response: \"00000002\"\n"); i++) {
      response = ok("--verbose", "request", "res.yaml", "--connection", "get").err()
          .lines().filter(l -> l.startsWith("INFO: Response")).findFirst().orElse("") + "\n";
      if (!response.contains("00000002")) {
        Thread.sleep(100);
      }
    }
    assertThat(response).isEqualTo("INFO: Response: \"00000002\"\n");

    ok("request", "res.yaml", "--connection", "get", "--out", "count.bin");
    assertThat(Files.readAllBytes(workspace.resolve("count.bin"))).containsExactly(0, 0, 0, 2);
    // An --out that cannot be written fails before the request: no counter spent, no handler run.
    String beforeRequest = Files.readString(workspace.resolve("res.yaml"));
    CliRun nowhere = aex("request", "res.yaml", "--connection", "get", "--out", "no/such.bin");
    assertThat(nowhere.status()).isEqualTo(1);
    assertThat(nowhere.err()).isEqualTo("ERROR: --out no/such.bin: no folder "
        + workspace.resolve("no") + "; nothing was sent\n");
    assertThat(Files.readString(workspace.resolve("res.yaml"))).isEqualTo(beforeRequest);

    ok("call", "res.yaml", "--module", "counter", "--entry", "peek", "--out", "peek.bin");
    assertThat(Files.readAllBytes(workspace.resolve("peek.bin"))).containsExactly(0, 0, 0, 2);
    assertThat(ok("call", "res.yaml", "--module", "counter", "--entry", "peek", "--out", "-")
        .out()).as("raw to standard output").isEqualTo("\0\0\0\2");
    assertThat(workspace.resolve("-")).doesNotExist();
    String before = Files.readString(workspace.resolve("res.yaml"));
    assertThat(ok("--verbose", "call", "res.yaml", "--module", "counter", "--entry", "peek").err())
        .contains("INFO: Response: \"00000002\"");
    assertThat(Files.readString(workspace.resolve("res.yaml"))).as("call writes nothing")
        .isEqualTo(before);

    // An unknown connection: one ERROR line, no stack trace.
    CliRun unknown = aex("output", "res.yaml", "--connection", "nope");
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("ERROR: ").contains("nope").doesNotContain("\tat ");

    ok("reset", "res.yaml");
    assertThat(em.modules()).isEmpty();
    assertThat(Files.readString(workspace.resolve("res.yaml"))).as("reset records it")
        .doesNotContain("deployed: true").doesNotContain("established: true");
    // The same file deploys again (the original's reset leaves "deployed" and deploy skips).
    ok("deploy", "res.yaml");
    assertThat(em.modules()).hasSize(1);
    assertThat(Files.readString(workspace.resolve("res.yaml"))).contains("deployed: true");
  }

  /** Asks with {@code request} until the count is {@code expected} (RemoteOutput has no reply). */
  private String awaitCount(String file, String expected) throws InterruptedException {
    String response = "";
    for (int i = 0; i < 50; i++) {
      response = ok("--verbose", "request", file, "--connection", "get").err().lines()
          .filter(l -> l.startsWith("INFO: Response")).findFirst().orElse("");
      if (response.equals("INFO: Response: \"" + expected + "\"")) {
        break;
      }
      Thread.sleep(100);
    }
    return response;
  }

  @Test
  void registerUpdateWithStateTransferAndDisable() throws Exception {
    try (EventManager em2 = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN)
        .periodicTasks(true).build().start()) {
      String twoNodes = descriptor(em.port())
          .replace("\"reactive_port\": %d}".formatted(em.port()),
              "\"reactive_port\": %d},\n        {\"type\": \"native\", \"name\": \"node2\","
                  .formatted(em.port())
                  + " \"host\": \"127.0.0.1\", \"reactive_port\": %d}".formatted(em2.port()))
          .replace("\"connections\": [", "\"periodic-events\": [{\"module\": \"counter\","
              + " \"entry\": \"peek\", \"frequency\": 500}],\n    \"connections\": [");
      Files.writeString(workspace.resolve("descriptor.json"), twoNodes);
      ok("deploy", "descriptor.json", "--result", "res.json");
      ok("attest", "res.json");
      CliRun register = ok("--timing", "register", "res.json");
      assertThat(register.out()).containsPattern("(?m)^Register time for event0: \\d+\\.\\d{3}$");
      ok("connect", "res.json", "--connection", "inc");
      ok("connect", "res.json", "--connection", "get");
      for (int i = 0; i < 3; i++) {
        ok("output", "res.json", "--connection", "0");   // inc, by id
      }
      assertThat(awaitCount("res.json", "00000003")).isEqualTo("INFO: Response: \"00000003\"");

      // Move the module to node2 (the user edits the result, as with the original), with its count.
      Path res = workspace.resolve("res.json");
      Files.writeString(res, Files.readString(res)
          .replaceFirst("(?<!old_)\"node\": \"node1\"", "\"node\": \"node2\""));
      CliRun update = ok("--timing", "update", "res.json", "--module", "counter", "--entry", "save",
          "--output", "transfer_out", "--input", "restore");
      assertThat(update.out()).containsPattern("(?m)^Update time for counter: \\d+\\.\\d{3}$");
      assertThat(em2.modules()).hasSize(1);
      assertThat(awaitCount("res.json", "00000003")).isEqualTo("INFO: Response: \"00000003\"");

      ok("disable", "res.json", "--module", "counter");
      CliRun after = aex("request", "res.json", "--connection", "get");
      assertThat(after.status()).as(after.toString()).isEqualTo(1);
      assertThat(after.err()).startsWith("ERROR: ").contains("get");
    }
  }

  @Test
  void eventManagerDownIsOneClearError() throws Exception {
    int dead;
    try (ServerSocket socket = new ServerSocket(0)) {
      dead = socket.getLocalPort();
    }
    Files.writeString(workspace.resolve("descriptor.json"), descriptor(dead));
    CliRun run = aex("deploy", "descriptor.json");
    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("ERROR: ").contains(String.valueOf(dead))
        .doesNotContain("\tat ");
    assertThat(Files.readString(workspace.resolve("descriptor.json"))).doesNotContain("\"deployed\": true");
  }

  @Test
  void attestBeforeDeployIsAnError() throws Exception {
    Files.writeString(workspace.resolve("descriptor.json"), descriptor(em.port()));
    CliRun run = aex("attest", "descriptor.json");
    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: ");
    assertThat(run.err()).contains("not deployed");
  }

  /**
   * deploy DESCRIPTOR --result res.json while res.json's modules run would lose the only copy of
   * their keys: it stops before it changes anything. Over a result whose modules are gone (their
   * event manager restarted) it goes on.
   */
  @Test
  void aResultWhoseModulesRunIsNotReplacedByAnotherFilesState() throws Exception {
    Files.writeString(workspace.resolve("descriptor.json"), descriptor(em.port()));
    Path result = workspace.resolve("res.json");
    ok("deploy", "descriptor.json", "--result", "res.json");
    ok("attest", "res.json");
    ok("connect", "res.json");
    String live = Files.readString(result);

    CliRun again = aex("deploy", "descriptor.json", "--result", "res.json");
    assertThat(again.status()).as(again.toString()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("ERROR: " + result + " records modules that still run,"
        + " counter on node1 (127.0.0.1:" + em.port() + "), and holds the only copy of their keys:"
        + " replacing it with the state of the input file would lose them, and they would keep"
        + " their ports. To go on with that deployment, give res.json itself as CONFIG; to"
        + " start over, reset them first (aex reset " + result + "); or give another --result\n");
    assertThat(Files.readString(result)).isEqualTo(live);
    assertThat(em.modules()).hasSize(1);

    // The result itself as CONFIG goes on with it; a copy of it loses nothing.
    assertThat(ok("--verbose", "deploy", "res.json").err()).contains("INFO: Every module is"
        + " recorded as deployed already, so nothing was loaded; status shows whether they still"
        + " run");
    Files.copy(result, workspace.resolve("copy.json"));
    ok("connect", "copy.json", "--result", "res.json");

    int port = em.port();
    em.close();
    em = EventManager.builder().port(port).logLevel(LogLevel.WARN).build().start();
    ok("deploy", "descriptor.json", "--result", "res.json");
    assertThat(em.modules()).hasSize(1);
    ok("attest", "res.json");
    ok("status", "res.json");
  }
}
