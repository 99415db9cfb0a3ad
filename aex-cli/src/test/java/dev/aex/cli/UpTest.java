package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.testkit.LoopbackPorts;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aex up} and {@code aex demo}: event managers started in-process where none listens and
 * stopped at the end, ones already running used as they are, the report of what runs, the
 * result beside the descriptor, and the errors for a remote node that does not answer and a port
 * taken by something else.
 */
@Timeout(120)
class UpTest {
  /** The deployer's last line before it builds (with --verbose). */
  private static final String BUILDING = "INFO: To deploy: [counter]";

  @TempDir Path dir;

  private CliRun aex(String... args) {
    return CliRun.run(dir, SessionOpener.deployer(), args);
  }

  private CliRun ok(String... args) {
    CliRun run = aex(args);
    assertThat(run.status()).as(String.join(" ", args) + "\n" + run).isZero();
    return run;
  }



  /** {@code aex up} in a thread, with the streams readable while it runs. */
  private static final class Background {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Thread thread;
    volatile int status = -1;

    Background(Path cwd, String... args) {
      PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
      PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
      CliContext context = new CliContext(o, e, Map.of("AEX_PROGRAM", "./aex"), cwd, false,
          SessionOpener.deployer());
      thread = new Thread(() -> status = Main.run(context, args), "aex-up-test");
      thread.start();
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }

    void awaitOut(String text) throws InterruptedException {
      for (int i = 0; i < 900 && !out().contains(text) && thread.isAlive(); i++) {
        Thread.sleep(100);
      }
      assertThat(out()).as("stderr:\n" + err()).contains(text);
    }
  }

  @Test
  void upStartsEventManagersRunsUntilStoppedAndStopsThem() throws Exception {
    assumeTrue(ExampleApp.exists("fosdem", "native.json"), "examples/fosdem is not there");
    List<Integer> bases = List.of(LoopbackPorts.freeBlock(16), LoopbackPorts.freeBlock(16));
    Path descriptor = ExampleApp.copy("fosdem", "native.json", dir.resolve("app"),
        Map.of(5000, bases.get(0), 6000, bases.get(1)));
    String original = Files.readString(descriptor);

    Background up = new Background(dir, "up", "app/native.json");
    up.awaitOut("Running; stop with Ctrl-C");
    Path result = dir.resolve("app/native.result.json");
    assertThat(up.out())
        .contains("node1        native    127.0.0.1:" + bases.get(0)
            + "        event manager started here")
        .contains("button_driver    on node2        id 1    port " + (bases.get(1) + 1))
        .contains("    ./aex output --connection trigger-btn " + result + "\n")
        .contains("    ./aex --verbose request --connection get-presses " + result + "\n");
    assertThat(Files.readString(descriptor)).as("the descriptor is not touched").isEqualTo(original);
    assertThat(Files.readString(result)).contains("\"established\": true");

    int web = LoopbackPorts.free();
    ok("output", "app/native.result.json", "--connection", "init-server", "--arg",
        HexFormat.of().toHexDigits((short) web));
    assertThat(ExampleApp.awaitPage(web)).isEqualTo("0");
    ok("output", "app/native.result.json", "--connection", "trigger-btn");
    assertThat(ExampleApp.awaitCount(web, "1")).isEqualTo("1");

    up.thread.interrupt();   // what Ctrl-C does, through the shutdown hook
    up.thread.join(30_000);
    assertThat(up.status).as(up.err()).isZero();
    assertThat(up.err()).contains("aex up: stopped 2 event manager(s) started here, and their 5"
        + " module(s)");
    assertThat(LoopbackPorts.listening(bases.get(0))).isFalse();
    assertThat(LoopbackPorts.listening(bases.get(1))).isFalse();
    for (int i = 0; i < 50 && LoopbackPorts.listening(web); i++) {
      Thread.sleep(100);   // the module processes exit after their event manager closed
    }
    assertThat(LoopbackPorts.listening(web)).as("the modules stopped with their event manager")
        .isFalse();
  }

  @Test
  void upUsesEventManagersThatRunAlreadyAndDoesNotLoseTheKeysOfWhatRunsThere() throws Exception {
    assumeTrue(ExampleApp.exists("db-webserver", "descriptor.json"),
        "examples/db-webserver is not there");
    try (EventManager em = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).build()
        .start()) {
      ExampleApp.copy("db-webserver", "descriptor.json", dir.resolve("app"),
          Map.of(5000, em.port()));
      CliRun run = ok("up", "--no-wait", "app/descriptor.json", "--result", "res.json");
      assertThat(run.out()).contains("event manager already running")
          .contains("Entries (aex --verbose call --module MODULE --entry ENTRY [--arg HEX]"
              + " " + dir.resolve("res.json") + ")")
          .contains("  webserver: init")
          .contains("Whether every event manager and module still answers:\n  aex status "
              + dir.resolve("res.json") + "\n")
          // update builds from the workspace (app/), not from where up ran
          .contains("After changing a module's code, its new instance (the others run on):\n"
              + "  (cd app && aex update --module MODULE ../res.json)\n")
          .doesNotContain("Running");
      assertThat(em.modules()).hasSize(2);
      assertThat(Files.readString(dir.resolve("res.json"))).contains("\"attested\": true");
      assertThat(run.err()).doesNotContain("stopped");

      // A second up there would replace the only record of the running modules' keys, and fail
      // anyway (their ports are taken): it stops before changing anything and says what to do;
      // after a reset it brings the application up again.
      Path result = dir.resolve("res.json");
      String first = Files.readString(result);
      CliRun again = aex("up", "--no-wait", "app/descriptor.json", "--result", "res.json");
      assertThat(again.status()).as(again.toString()).isEqualTo(1);
      assertThat(again.err()).contains(result + " records modules deployed on node_1 (127.0.0.1:"
          + em.port() + "), whose event managers are running: replacing it would lose the keys"
          + " to those modules, which keep their ports. Reset them first (aex reset " + result
          + "), or give another --result; if an aex up runs them, Ctrl-C there stops them");
      assertThat(Files.readString(result)).isEqualTo(first);
      assertThat(em.modules()).hasSize(2);
      ok("reset", "res.json");
      ok("up", "--no-wait", "app/descriptor.json", "--result", "res.json");
      assertThat(em.modules()).hasSize(2);
    }
  }

  @Test
  void demoOnceShowsTheCounterChange() throws Exception {
    assumeTrue(ExampleApp.exists("fosdem", "native.json"), "examples/fosdem is not there");
    List<Integer> bases = List.of(LoopbackPorts.freeBlock(16), LoopbackPorts.freeBlock(16));
    ExampleApp.copy("fosdem", "native.json", dir.resolve("app"),
        Map.of(5000, bases.get(0), 6000, bases.get(1)));
    int web = LoopbackPorts.free();
    CliRun run = ok("demo", "--once", "--descriptor", "app/native.json", "--web-port",
        String.valueOf(web));
    String hex = HexFormat.of().toHexDigits((short) web);
    assertThat(run.out())
        .contains("output --connection init-server --arg " + hex + " ")
        .contains("curl http://localhost:" + web + "    # 0")
        .contains("# press the button: curl shows 1")
        .contains("# press the button: curl shows 2")
        .contains("With --once, the event managers started here (node1, node2) stop as aex demo"
            + " exits")
        .doesNotContain("Running").doesNotContain("status");
    assertThat(run.err()).contains("aex demo: stopped 2 event manager(s)");
    for (int i = 0; i < 50 && LoopbackPorts.listening(web); i++) {
      Thread.sleep(100);
    }
    assertThat(LoopbackPorts.listening(web)).isFalse();
  }

  @Test
  void demoOutsideTheCheckoutSaysWhereToRunIt() {
    CliRun run = aex("demo", "--once");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: aex demo: ").contains("examples/fosdem/native.json")
        .contains("root of the aex checkout").doesNotContain("\tat ");
  }

  /**
   * Ctrl-C (SIGTERM runs the same shutdown hook) while up still builds, long before it deploys:
   * the JVM exits once its hooks are done, so the hook itself says that up was interrupted, after
   * the event managers it stopped; the error of a step that the stop cut short is not reported.
   */
  @Test
  void aStopWhileUpBuildsSaysThatUpWasInterrupted() throws Exception {
    counterApp(LoopbackPorts.freeBlock(16));
    Process up = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator
            + System.getProperty("jdk.module.path", ""),
        Main.class.getName(), "--verbose", "up", "d.json")
        .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    StringBuffer err = new StringBuffer();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(up.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          err.append(line).append('\n');
        }
      } catch (IOException e) {
        err.append(e).append('\n');
      }
    });
    try {
      for (int i = 0; i < 600 && !err.toString().contains(BUILDING) && up.isAlive(); i++) {
        Thread.sleep(100);
      }
      assertThat(err.toString()).as("up builds").contains(BUILDING);
      up.toHandle().destroy();   // SIGTERM; Process.destroy would also close the stderr pipe
      assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("up exits").isTrue();
      reader.join(10_000);
      List<String> lines = err.toString().lines().toList();
      assertThat(lines).as(err.toString())
          .contains("aex up: stopped 1 event manager(s) started here, and their 0 module(s)");
      assertThat(lines.getLast()).startsWith("ERROR: interrupted before d.json was up; ");
      assertThat(lines).filteredOn(line -> line.startsWith("ERROR:")).hasSize(1);
      assertThat(up.exitValue()).isEqualTo(143);
    } finally {
      up.destroyForcibly();
    }
  }

  /**
   * Until the application is up a stop says what it interrupted, with what the result records
   * as it comes; from then on it only stops. Where it came first, up is refused.
   */
  @Test
  void aStopSaysThatItInterruptedUntilTheApplicationIsUp() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliLog log = new CliLog(new PrintStream(err, true, StandardCharsets.UTF_8),
        CliLog.LogLevel.WARNING);
    UpBase.StopSignal early = new UpBase.StopSignal(log, "interrupted before anything was up");
    UpBase.StopSignal late = new UpBase.StopSignal(log, "interrupted before anything was up");
    try {
      List<String> stopped = new ArrayList<>();
      String[] recorded = {"nothing"};
      early.untilUp(() -> "interrupted before d.json was up; " + recorded[0]);
      recorded[0] = "d.result.json records every step that finished";
      early.signal();
      early.onStop(() -> stopped.add("event managers"));

      assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ERROR: interrupted before"
          + " d.json was up; d.result.json records every step that finished\n");
      assertThat(stopped).as("what starts after the stop stops at once")
          .containsExactly("event managers");
      assertThat(early.stoppedBeforeUp()).isTrue();
      assertThatThrownBy(early::up).isInstanceOf(CliException.class);

      err.reset();
      late.up();
      late.signal();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(late.stoppedBeforeUp()).isFalse();
    } finally {
      early.close();
      late.close();
    }
  }

  /** Run by the checkout's ./aex from another folder, demo takes the checkout's FOSDEM demo. */
  @Test
  void demoElsewhereTakesTheDescriptorOfTheCheckoutItRunsFrom() throws IOException {
    Path checkout = dir.resolve("checkout");
    Path fosdem = checkout.resolve(DemoCommand.FOSDEM);
    Files.createDirectories(fosdem.getParent());
    Files.writeString(fosdem, "{}");
    Path cwd = dir.resolve("elsewhere").resolve(DemoCommand.FOSDEM);

    assertThat(DemoCommand.fosdem(cwd, Map.of(DemoCommand.CHECKOUT, checkout.toString())))
        .isEqualTo(fosdem);
    assertThat(DemoCommand.fosdem(cwd, Map.of())).isEqualTo(cwd);
    Files.createDirectories(cwd.getParent());
    Files.writeString(cwd, "{}");
    assertThat(DemoCommand.fosdem(cwd, Map.of(DemoCommand.CHECKOUT, checkout.toString())))
        .as("the current folder's first").isEqualTo(cwd);
  }

  /** The counter module of the tests, in {@code counter/}, on one node at {@code port}. */
  private void counterApp(int port) throws IOException {
    Files.createDirectories(dir.resolve("counter"));
    try (InputStream in = getClass().getResourceAsStream("/modules/counter/Counter.java")) {
      Files.write(dir.resolve("counter/Counter.java"), in.readAllBytes());
    }
    Files.writeString(dir.resolve("d.json"), """
        {"nodes": [{"type": "native", "name": "node1", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "counter", "node": "node1"}],
         "connections": [{"name": "inc", "direct": true, "to_module": "counter",
                          "to_input": "increment", "encryption": "aes"}]}
        """.formatted(port));
  }

  /**
   * --no-wait where up started the event managers: they stop as it exits, so it says so instead
   * of printing commands that nothing would answer.
   */
  @Test
  void noWaitSaysThatTheEventManagersStartedHereStopAndShowsNoCommands() throws Exception {
    int port = LoopbackPorts.freeBlock(16);
    Files.writeString(dir.resolve("d.json"), """
        {"nodes": [{"type": "native", "name": "node1", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "db", "node": "node1"}],
         "connections": [{"name": "init", "direct": true, "to_module": "db",
                          "to_input": "increment", "encryption": "aes"}],
         "periodic-events": [{"name": "ticks", "module": "db", "entry": "tick",
                              "frequency": 500}]}
        """.formatted(port));

    CliRun run = CliRun.run(dir, new FakeDeployment(), "up", "--no-wait", "d.json");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("aex up: " + dir.resolve("d.json") + " is up; the result is in "
            + dir.resolve("d.result.json") + "\n")
        .contains("node1        native    127.0.0.1:" + port + "        event manager started here")
        .contains("\nPeriodic events (the event managers call these entries)\n"
            + "  ticks            db.tick every 500 ms: registered\n")
        .endsWith("\nWith --no-wait, the event managers started here (node1) stop as aex up"
            + " exits, and their modules with them, so no commands to use the application are"
            + " shown: leave out --no-wait to keep it up.\n")
        .doesNotContain("--connection").doesNotContain(" status ").doesNotContain(" update ");
    assertThat(run.err()).isEqualTo(
        "aex up: stopped 1 event manager(s) started here, and their 0 module(s)\n");
    assertThat(LoopbackPorts.listening(port)).isFalse();
  }

  private Path descriptor(String host, int port) throws IOException {
    return Files.writeString(dir.resolve("d.json"), """
        {"nodes": [{"type": "native", "name": "node1", "host": "%s", "reactive_port": %d}],
         "modules": []}
        """.formatted(host, port));
  }

  @Test
  void aPortTakenBySomethingElseIsAClearError() throws Exception {
    try (ServerSocket other = new ServerSocket(0)) {
      Thread server = Thread.ofVirtual().start(() -> {
        while (!other.isClosed()) {
          try (Socket client = other.accept(); OutputStream out = client.getOutputStream()) {
            out.write("SSH-2.0-test\r\n".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            return;
          }
        }
      });
      descriptor("127.0.0.1", other.getLocalPort());
      CliRun run = aex("up", "--no-wait", "d.json");
      assertThat(run.status()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).startsWith("ERROR: node node1 (127.0.0.1:" + other.getLocalPort()
          + "): port " + other.getLocalPort() + " is in use by something that is not an event"
          + " manager");
      server.interrupt();
    }
  }

  @Test
  void aListenerThatAcceptsButSaysNothingIsNotCalledAnotherService() throws Exception {
    // A stopped event manager (SIGSTOP): the kernel accepts its connections, nobody answers.
    try (ServerSocket silent = new ServerSocket(0)) {
      descriptor("127.0.0.1", silent.getLocalPort());
      CliRun run = aex("up", "--no-wait", "d.json");
      assertThat(run.status()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("ERROR: node node1 (127.0.0.1:" + silent.getLocalPort()
          + "): something accepts connections on port " + silent.getLocalPort() + " but does not"
          + " answer within 2 s: an event manager that is stopped or busy (resume it, or wait and"
          + " run this again), or another service (stop it, or give node1 another reactive_port"
          + " in " + dir.resolve("d.json") + ")\n");
    }
  }

  @Test
  void aRemoteNodeThatDoesNotAnswerIsAClearError() throws Exception {
    descriptor("192.0.2.1", 5000);   // TEST-NET-1: never this machine
    CliRun run = aex("up", "--no-wait", "d.json");
    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: node node1 (192.0.2.1:5000): no event manager answers")
        .contains("is not this machine").contains("aex em --host 192.0.2.1 --port 5000");
  }
}
