package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.testkit.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that would replace a result file recording modules that still run, with the state of
 * another file, stops first: that file holds the only copy of their keys. A result whose modules
 * are gone is replaced as before.
 */
@Timeout(180)
class ResultReplaceTest {
  @TempDir Path dir;

  private CliRun aex(String... args) {
    return CliRun.run(dir, SessionOpener.deployer(), args);
  }

  private CliRun ok(String... args) {
    CliRun run = aex(args);
    assertThat(run.status()).as(String.join(" ", args) + "\n" + run).isZero();
    return run;
  }

  private static EventManager startEm(int port) throws Exception {
    return EventManager.builder().port(port).logLevel(LogLevel.WARN).build().start();
  }

  @Test
  void deployOfTheDescriptorOverALiveResultStopsAndOneOverADeadResultGoesOn() throws Exception {
    assumeTrue(ExampleApp.exists("db-webserver", "descriptor.json"),
        "examples/db-webserver is not there");
    int port = LoopbackPorts.freeBlock(16);
    ExampleApp.copy("db-webserver", "descriptor.json", dir.resolve("app"), Map.of(5000, port));
    Path result = dir.resolve("res.json");
    try (EventManager em = startEm(port)) {
      ok("deploy", "--workspace", "app", "descriptor.json", "--result", "../res.json");
      ok("attest", "res.json");
      ok("connect", "res.json");
      String live = Files.readString(result);

      CliRun again = aex("deploy", "--workspace", "app", "descriptor.json", "--result",
          "../res.json");
      assertThat(again.status()).as(again.toString()).isEqualTo(1);
      assertThat(again.err()).contains(result + " records modules that still run, db on node_1"
          + " (127.0.0.1:" + port + "), webserver on node_1 (127.0.0.1:" + port + "), and holds"
          + " the only copy of their keys: replacing it with the state of the input file would"
          + " lose them, and they would keep their ports. To go on with that deployment, give "
          + result + " itself as CONFIG; to start over, reset them first (aex reset " + result
          + "); or give another --result");
      assertThat(Files.readString(result)).isEqualTo(live);
      assertThat(em.modules()).hasSize(2);

      // The result itself as the input goes on with it, and a copy of it loses nothing.
      assertThat(ok("--verbose", "deploy", "--workspace", ".", "res.json").err())
          .contains("INFO: Every module is recorded as deployed already, so nothing was loaded;"
              + " status shows whether they still run");
      Files.copy(result, dir.resolve("copy.json"));
      ok("connect", "copy.json", "--result", "res.json");
      assertThat(Files.readString(result)).contains("\"established\": true");
    }
    // Restarted, the event manager runs none of the modules: the stale result is replaced.
    try (EventManager em = startEm(port)) {
      ok("deploy", "--workspace", "app", "descriptor.json", "--result", "../res.json");
      assertThat(em.modules()).hasSize(2);
      ok("status", "res.json");
    }
  }
}
