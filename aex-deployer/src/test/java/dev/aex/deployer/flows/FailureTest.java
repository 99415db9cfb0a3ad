package dev.aex.deployer.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.Deployer;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.ResultSink;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorWriter;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong: an event manager that is down or silent, a module that dies at start, a wrong
 * module key, names that do not exist, steps out of order, node types not supported yet. Each
 * failure names node, item and step, and the result records only what succeeded.
 */
class FailureTest {
  @TempDir Path dir;
  EventManager live;

  // One event manager per test, so modules of different tests never share a port.
  @BeforeEach
  void start() throws Exception {
    live = Fixture.em();
  }

  @AfterEach
  void stop() {
    live.close();
  }

  private static Path descriptor(Path workspace, String json) throws IOException {
    Path file = workspace.resolve("descriptor.json");
    Files.writeString(file, json);
    return file;
  }

  /** A descriptor of module "counter" on node "n", the live event manager, and {@code rest}. */
  private Path counterOnLive(Path workspace, String rest) throws IOException {
    return descriptor(workspace, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "counter", "node": "n"}],
        %s}
        """.formatted(live.port(), rest));
  }

  /**
   * Replaces {@code from} by {@code to} in the counter module's source of workspace {@code ws},
   * dated a second after its build (a fast build and this write may share a clock tick).
   */
  private static void editCounterAfterItsBuild(Path ws, String from, String to)
      throws IOException {
    Path source = ws.resolve("counter/src/main/java/flows/Counter.java");
    String edited = Files.readString(source).replace(from, to);
    assertThat(edited).as("the edit applies").contains(to);
    Files.writeString(source, edited);
    Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(
        ws.resolve("build/counter/counter")).toMillis() + 1000));
  }

  /** A deployer that deployed, attested and connected {@code file} into {@code result}. */
  private static Deployer connected(Path file, Path ws, Path result) throws Exception {
    Deployer deployer = Fixture.open(file, ws, result, new Fixture.Recorder());
    deployer.deploy(Selection.all());
    deployer.attest(Selection.all());
    deployer.connect(Selection.all());
    return deployer;
  }

  /** {@link #counterOnLive} with the direct connection "inc" to counter's input increment. */
  private Path counterWithInc(Path workspace) throws IOException {
    return counterOnLive(workspace, """
        "connections": [{"name": "inc", "direct": true, "to_module": "counter",
                         "to_input": "increment", "encryption": "aes"}]
        """);
  }

  /**
   * The counter module "a" deployed on node "up", the live event manager, from workspace {@code
   * workspace}; node "down" has no event manager, on port {@code down}. The result file.
   */
  private Path deployedCounter(String workspace, int down) throws Exception {
    Path ws = Fixture.workspace(dir.resolve(workspace));
    Path file = descriptor(ws, """
        {"nodes": [
           {"type": "native", "name": "up", "host": "127.0.0.1", "reactive_port": %d},
           {"type": "native", "name": "down", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "a", "node": "up", "folder": "counter"}]}
        """.formatted(live.port(), down));
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).deploy(Selection.all());
    return result;
  }

  @Test
  void anEventManagerThatIsDownIsNamedAndOnlyWhatSucceededIsRecorded() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("down"));
    int dead = Fixture.deadPort();
    Path file = descriptor(ws, """
        {"nodes": [
           {"type": "native", "name": "up", "host": "127.0.0.1", "reactive_port": %d},
           {"type": "native", "name": "down", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [
           {"type": "native", "name": "a", "node": "up", "folder": "counter"},
           {"type": "native", "name": "b", "node": "down", "folder": "counter"}]}
        """.formatted(live.port(), dead));
    Path result = ws.resolve("result.json");

    assertThatThrownBy(() -> Fixture.open(file, ws, result, new Fixture.Recorder())
        .deploy(Selection.all()))
        .isInstanceOf(DeployerException.class)
        .hasMessage("deploy b on down (127.0.0.1:%d): connection refused. Is the event manager"
            + " running? Start one with ./aex em --host 127.0.0.1 --port %d", dead, dead);

    Descriptor state = Fixture.read(result);
    assertThat(state.module("a").orElseThrow().common().deployed()).isTrue();
    assertThat(state.module("b").orElseThrow().common().deployed()).isFalse();

    // The next run deploys only what is missing, and says again what is wrong.
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .deploy(Selection.all()))
        .hasMessageStartingWith("deploy b on down");
    assertThat(live.modules()).hasSize(1);

    // A wrong module key: the module refuses the challenge, and says what to do.
    Descriptor wrongKey = state.withModules(state.modules().stream()
        .map(m -> m.name().equals("a") ? ((NativeModule) m).withKey(SymmetricKey.random16()) : m)
        .toList());
    Path wrong = ws.resolve("wrong-key.json");
    DescriptorWriter.write(wrongKey, DescriptorFormat.JSON, wrong);
    assertThatThrownBy(() -> Fixture.open(wrong, ws, wrong, new Fixture.Recorder())
        .attest(Selection.of(List.of("a"))))
        .hasMessageStartingWith("attest a on up (127.0.0.1:" + live.port() + "): the module"
            + " refused the challenge (CryptoError)")
        .hasMessageContaining("module key differs");
    assertThat(Fixture.read(wrong).module("a").orElseThrow().common().attested()).isFalse();

    // With the right key it attests.
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.of(List.of("a")));
    Descriptor attested = Fixture.read(result);
    assertThat(attested.module("a").orElseThrow().common().attested()).isTrue();

    // A misspelt state-transfer name fails before anything changes.
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("a", Optional.of(new StateTransfer("sav", "transfer_out", "restore"))))
        .hasMessage("module a has no entry named \"sav\" (its entries: peek, tick, save);"
            + " did you mean \"save\"?");
    assertThat(Fixture.read(result)).isEqualTo(attested);
    assertThat(live.modules()).hasSize(1);
  }

  /**
   * An event manager answers a Load once the module listens, after up to its own load timeout,
   * which is the deployer's by default: a Load answered later than the deployer's timeout (but
   * within twice it) is still recorded, not left running and unrecorded.
   */
  @Test
  void aLoadAnsweredAfterTheTimeoutButWithinTwiceItIsRecorded() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("slow-load"));
    try (ServerSocket slowEm = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread em = Thread.ofPlatform().daemon(true).start(() -> {
        try (Socket socket = slowEm.accept()) {
          DataInputStream in = new DataInputStream(socket.getInputStream());
          in.readUnsignedByte(); // Load
          in.readFully(new byte[in.readInt()]);
          Thread.sleep(1500); // the module takes its time to listen
          socket.getOutputStream().write(new byte[] {0, 0, 0}); // Ok
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      Path file = descriptor(ws, """
          {"nodes": [{"type": "native", "name": "n1", "host": "127.0.0.1", "reactive_port": %d}],
           "modules": [{"type": "native", "name": "a", "node": "n1", "folder": "counter"}]}
          """.formatted(slowEm.getLocalPort()));
      Path result = ws.resolve("r.json");
      DeployerSettings settings = DeployerSettings.defaults(ws).withTimeout(Duration.ofSeconds(1))
          .withResultSink(state -> DescriptorWriter.write(state, DescriptorFormat.JSON, result));

      Deployer.open(file, settings).deploy(Selection.all());

      assertThat(Fixture.read(result).module("a").orElseThrow().common().deployed()).isTrue();
      em.join(5_000);
    }
  }

  /**
   * An update that fails before the swap (here: the new node's event manager is down) leaves the
   * old instance's binary as it was, so that binary still deploys and attests as the old module.
   */
  @Test
  void aFailedUpdateLeavesTheOldInstancesBinaryAsItWas() throws Exception {
    Path result = deployedCounter("failed-update", Fixture.deadPort());
    Path ws = result.getParent();
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    NativeModule before = (NativeModule) Fixture.read(result).module("a").orElseThrow();
    Path binary = Path.of(before.binary().orElseThrow());
    byte[] old = Files.readAllBytes(binary);
    Files.writeString(result, Files.readString(result).replace("\"node\": \"up\"",
        "\"node\": \"down\""));

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("a", Optional.empty()))
        .hasMessageContaining("connection refused");

    assertThat(Files.readAllBytes(binary)).as("the old instance's binary").isEqualTo(old);
    NativeModule after = (NativeModule) Fixture.read(result).module("a").orElseThrow();
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.key()).isEqualTo(before.key());
    assertThat(after.binary()).isEqualTo(before.binary());

    // Run again where it can succeed: what the failed one left in the staging folder is not
    // taken for the new instance's build output.
    Path staging = binary.resolveSibling(".update");
    Files.writeString(staging.resolve("left-over"), "from the failed update");
    // and the work folder of a build cut short there (Ctrl-C): a file-by-file delete failed
    Files.writeString(Files.createDirectories(staging.resolve(".aex-work-7/classes"))
        .resolve("Half.class"), "");
    Files.writeString(result, Files.readString(result).replace("\"node\": \"down\"",
        "\"node\": \"up\""));
    Fixture.open(result, ws, result, new Fixture.Recorder()).update("a", Optional.empty());

    assertThat(staging).doesNotExist();
    assertThat(binary.resolveSibling("left-over")).doesNotExist();
    assertThat(Files.readAllBytes(binary)).as("the new instance's binary").isNotEqualTo(old);
  }

  /**
   * A module that died is brought back by update: its event manager answers the old instance's
   * disable with InternalError, and the update replaces it (with a warning) instead of failing.
   * Its state died with it, so an update with a state transfer says so.
   */
  @Test
  void anUpdateReplacesAnInstanceThatDiedAndRefusesToTransferItsState() throws Exception {
    Path result = deployedCounter("died", Fixture.deadPort());
    Path ws = result.getParent();
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    ProcessHandle old = ProcessHandle.of(live.modules().get(0).pid()).orElseThrow();
    old.destroyForcibly();
    old.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);

    String before = Files.readString(result);
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("a", Optional.of(new StateTransfer("save", "transfer_out", "restore"))))
        .hasMessage("update a: the old instance (module 1 on up) does not run: its event manager"
            + " answered a challenge with INTERNAL_ERROR(3) (it died, or the event manager"
            + " restarted), so its state cannot be transferred. Update without"
            + " --entry/--output/--input to replace it without its state; nothing was built or"
            + " loaded");
    // Asked before a new instance was built and loaded for nothing (one was, and stayed).
    assertThat(live.modules()).singleElement().satisfies(m -> assertThat(m.alive()).isFalse());
    assertThat(Fixture.read(result).nodes()).isEqualTo(Fixture.read(Files.writeString(
        ws.resolve("before.json"), before)).nodes());
    Fixture.Recorder recorder = new Fixture.Recorder();
    Deployer deployer = Fixture.open(result, ws, result, recorder);
    deployer.update("a", Optional.empty());

    assertThat(recorder.warnings).singleElement().asString()
        .startsWith("update a: the old instance (module 1 on up) does not run")
        .endsWith("; replacing it. Its connections get new keys, which also cuts it off should it"
            + " run after all");
    assertThat(deployer.health()).containsExactly(new ModuleHealth.Answers("a"));
  }

  /**
   * Counter modules a and b in {@code ws} on the live event manager, with a-to-b and the direct
   * inc to a, deployed, attested and connected; returns the result file.
   */
  private Path connectedPair(Path ws) throws Exception {
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "a", "node": "n", "folder": "counter"},
                     {"type": "native", "name": "b", "node": "n", "folder": "counter"}],
         "connections": [
           {"name": "a-to-b", "from_module": "a", "from_output": "counted", "to_module": "b",
            "to_input": "increment", "encryption": "aes"},
           {"name": "inc", "direct": true, "to_module": "a", "to_input": "increment",
            "encryption": "aes"}]}
        """.formatted(live.port()));
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).deploy(Selection.all().inOrder());
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    Fixture.open(result, ws, result, new Fixture.Recorder()).connect(Selection.all());
    return result;
  }

  /**
   * An update whose connection to a module that died cannot be re-established says what it did:
   * the new instance runs, the old one is disabled, and which connections connect must finish (it
   * named the failed set_key only).
   */
  @Test
  void anUpdateThatCannotReConnectSaysWhatItDidAndWhatIsLeft() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("reconnect"));
    Path result = connectedPair(ws);
    ProcessHandle b = ProcessHandle.of(live.modules().get(1).pid()).orElseThrow();
    b.destroyForcibly();
    b.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("a", Optional.empty()))
        .hasMessageStartingWith("set_key (connection a-to-b) for b on n")
        .hasMessageEndingWith(". The new instance of a runs and the old one is disabled, but these"
            + " of its connections are not established: a-to-b, inc. Run connect once that is"
            + " fixed");
  }

  /**
   * After the event manager restarted, the modules it ran come back in one update: each new
   * instance replaces its gone old one, then their connections are established once both run
   * (one by one, the first update failed on the connection to the second).
   */
  @Test
  void theModulesOfARestartedEventManagerComeBackInOneUpdate() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("restart"));
    Path result = connectedPair(ws);
    int port = live.port();
    live.close();
    live = EventManager.builder().port(port).logLevel(LogLevel.WARN).build().start();

    Fixture.Recorder recorder = new Fixture.Recorder();
    Deployer restarted = Fixture.open(result, ws, result, recorder);
    assertThatThrownBy(() -> restarted.update(List.of()))
        .hasMessage("update: no module named; name the modules to update");
    restarted.update(List.of("a", "b"));

    Descriptor after = Fixture.read(result);
    assertThat(after.connections()).allMatch(Connection::established);
    assertThat(live.modules()).hasSize(2);
    assertThat(Fixture.open(result, ws, result, new Fixture.Recorder()).health())
        .containsExactly(new ModuleHealth.Answers("a"), new ModuleHealth.Answers("b"));
    assertThat(recorder.warnings).anyMatch(w -> w.startsWith("update a: the old instance"))
        .anyMatch(w -> w.startsWith("update b: the old instance"));
    // Events flow through the new instances: a direct output to a, which passes it on to b.
    Deployer deployer = Fixture.open(result, ws, result, new Fixture.Recorder());
    deployer.output("inc", new byte[0]);
    byte[] count = deployer.call("b", "peek", new byte[0]);
    for (int i = 0; i < 50 && count[3] == 0; i++) {
      Thread.sleep(100);
      count = deployer.call("b", "peek", new byte[0]);
    }
    assertThat(count).containsExactly(0, 0, 0, 1);
  }

  /**
   * A deploy whose workspace (the CLI's current folder) lacks a module folder that the
   * descriptor's folder has names that folder: the user ran it from the folder above.
   */
  @Test
  void aModuleFolderMissingFromTheWorkspaceButBesideTheDescriptorIsNamed() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("app"));
    Path file = counterOnLive(ws, "\"connections\": []");
    Path above = dir.toAbsolutePath();

    assertThatThrownBy(() -> Fixture.open(file, above, ws.resolve("result.json"),
        new Fixture.Recorder()).deploy(Selection.all()))
        .hasMessage("build counter: no module folder " + above.resolve("counter") + " (field"
            + " \"folder\", relative to the workspace " + above + "). The descriptor's folder has"
            + " it: give --workspace " + ws.toAbsolutePath() + " (or run from there)");
  }

  /**
   * update builds from the current workspace; run from another folder, it says which folder built
   * the module (the result file records its build files there) before anything changes.
   */
  @Test
  void anUpdateWithoutTheModuleFolderHereChangesNothingAndSaysWhereItIs() throws Exception {
    Path result = deployedCounter("built-here", Fixture.deadPort());
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    String before = Files.readString(result);

    assertThatThrownBy(() -> Fixture.open(result, elsewhere, result, new Fixture.Recorder())
        .update("a", Optional.empty()))
        .hasMessage("update a: no module folder " + elsewhere.resolve("counter") + " (field"
            + " \"folder\", relative to the workspace " + elsewhere + "). The workspace that built"
            + " the module, " + result.getParent() + ", has it: run the update from there");
    assertThat(Files.readString(result)).isEqualTo(before);

    // Nowhere: the build's own words, still before anything changes.
    Files.move(result.getParent().resolve("counter"), result.getParent().resolve("renamed"));
    assertThatThrownBy(() -> Fixture.open(result, elsewhere, result, new Fixture.Recorder())
        .update("a", Optional.empty()))
        .hasMessageStartingWith("build a: no module folder " + elsewhere.resolve("counter"));
    assertThat(Files.readString(result)).isEqualTo(before);
  }

  /**
   * An update whose new build lacks an endpoint the result's connections name (an input renamed
   * in the code) stops before anything is loaded: found only when the connections are established
   * again, after the old instance is disabled, it left the application cut and the result
   * unreadable ("has no input named").
   */
  @Test
  void anUpdateWhoseNewBuildLacksAConnectionsInputStopsBeforeTheOldInstanceIsDisabled()
      throws Exception {
    Path ws = Fixture.workspace(dir.resolve("renamed"));
    Path file = counterWithInc(ws);
    Path result = ws.resolve("result.json");
    connected(file, ws, result);
    Path source = ws.resolve("counter/src/main/java/flows/Counter.java");
    Files.writeString(source, Files.readString(source).replace("void increment(", "void bump("));

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("counter", Optional.empty()))
        .hasMessage("update counter: the new build lacks what the result file names, so nothing"
            + " was loaded and the old instance runs on:\n  connection inc: module counter has no"
            + " input named \"increment\" (its inputs: bump, restore)\nKeep those names in the"
            + " module, or rename them in the result file too, and update again");
    assertThat(live.modules()).hasSize(1);
    Deployer after = Fixture.open(result, ws, result, new Fixture.Recorder());
    assertThat(after.health()).containsExactly(new ModuleHealth.Answers("counter"));
    after.output("inc", new byte[0]);

    // The rename made in the result file too (the connection is established, so the result
    // still reads), the update goes through and the connection leads to the renamed input.
    Files.writeString(result, Files.readString(result)
        .replace("\"to_input\": \"increment\"", "\"to_input\": \"bump\""));
    Deployer renamed = Fixture.open(result, ws, result, new Fixture.Recorder());
    renamed.update("counter", Optional.empty());
    renamed.output("inc", new byte[0]);
    assertThat(renamed.call("counter", "peek", new byte[0])).containsExactly(0, 0, 0, 1);
  }

  /**
   * The manifest of an earlier build does not decide what a descriptor may name once the module's
   * sources changed since (found: an input renamed in code and descriptor together was refused,
   * "no input named", against the old build's names; the build that follows checks them).
   */
  @Test
  void aBuildOlderThanItsSourcesDoesNotDecideTheNamesADescriptorMayUse() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("stale"));
    Path file = counterWithInc(ws);
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).build(Selection.all());
    editCounterAfterItsBuild(ws, "void increment(", "void bump(");
    Files.writeString(file, Files.readString(file).replace("\"increment\"", "\"bump\""));

    Deployer deployer = connected(file, ws, result);
    deployer.output("inc", new byte[0]);
    assertThat(deployer.call("counter", "peek", new byte[0])).containsExactly(0, 0, 0, 1);
  }

  /**
   * A deploy after reset loads the build the result records only if it still is that build, of
   * the module's folder as it is: a build for another result file since (a new key; it loaded,
   * and attest failed with CryptoError), or an edit of the code (the old code ran), builds the
   * module again.
   */
  @Test
  void aDeployAfterResetBuildsAgainWhatAnotherBuildReplacedOrTheCodeChanged() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("redeploy"));
    Path file = counterWithInc(ws);
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).deploy(Selection.all());
    // Each step that an output needs is named, not only the next one.
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .output("inc", new byte[0]))
        .hasMessage("Connection inc is not established yet; module counter is not attested"
            + " either: run attest and connect first");
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .output("inc", new byte[0]))
        .hasMessage("Connection inc is not established yet; run connect first");
    Fixture.open(result, ws, result, new Fixture.Recorder()).reset();
    Fixture.open(file, ws, ws.resolve("other.json"), new Fixture.Recorder()).build(Selection.all());

    Fixture.Recorder recorder = new Fixture.Recorder();
    Fixture.open(result, ws, result, recorder).deploy(Selection.all());
    Fixture.open(result, ws, result, recorder).attest(Selection.all());
    assertThat(recorder.infos).anyMatch(i -> i.startsWith("Building counter again: ")
        && i.endsWith(" is another build's (built since this result file recorded it), with"
            + " another key"));

    Fixture.open(result, ws, result, recorder).reset();
    editCounterAfterItsBuild(ws, "putInt(count).array());\n  }\n\n  @Entry\n  EntryResult tick",
        "putInt(count + 40).array());\n  }\n\n  @Entry\n  EntryResult tick");
    Fixture.open(result, ws, result, recorder).deploy(Selection.all());
    Fixture.open(result, ws, result, recorder).attest(Selection.all());
    assertThat(Fixture.open(result, ws, result, recorder).call("counter", "peek", new byte[0]))
        .containsExactly(0, 0, 0, 40);
    assertThat(recorder.infos).anyMatch(i -> i.startsWith("Building counter again: its folder"
        + " changed since "));
  }

  /** An event manager without periodic tasks refuses a periodic event, which is not recorded. */
  @Test
  void aPeriodicEventAnEventManagerWillNotRunIsNotRecordedAsRegistered() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("no-ticks"));
    Path file = counterOnLive(ws,
        "\"periodic-events\": [{\"module\": \"counter\", \"entry\": \"tick\", \"frequency\": 100}]");
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).deploy(Selection.all());
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .register(Selection.all()))
        .hasMessage("register event0 on n (127.0.0.1:" + live.port() + "): RegisterEntrypoint"
            + " failed with INTERNAL_ERROR(3). The event manager does not run periodic events:"
            + " start an aex one with --periodic-tasks (EM_PERIODIC_TASKS=true); a TrustZone one"
            + " has none");
    assertThat(Fixture.read(result).periodicEvents().get(0).established()).isFalse();
  }

  /**
   * An update that fails after the new instance is loaded (here: the old instance refuses its
   * disable, under a wrong key) says what runs: the old instance, and the unused new one.
   */
  @Test
  void aFailedUpdateSaysTheNewInstanceStaysLoadedUnused() throws Exception {
    Path result = deployedCounter("update-after-load", Fixture.deadPort());
    Path ws = result.getParent();
    Descriptor state = Fixture.read(result);
    DescriptorWriter.write(state.withModules(state.modules().stream()
        .<Module>map(m -> ((NativeModule) m).withKey(SymmetricKey.random16())).toList()),
        DescriptorFormat.JSON, result);

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("a", Optional.empty()))
        .hasMessageStartingWith("disable a on up")
        .hasMessageContaining("(CryptoError)")
        .hasMessageEndingWith(". The old instance still runs as the result says; the new one"
            + " (module 2 on up) stays loaded but unused: it has no connections, and its key was"
            + " not kept. A reset of up stops it");
    assertThat(live.modules()).hasSize(2);
    assertThat(Fixture.read(result).module("a").orElseThrow().id()).hasValue(1);
  }

  /**
   * A state transfer whose save entry fails still disables the old instance: it holds the
   * transfer key, so its stale state could otherwise reach the new instance at any later time.
   */
  @Test
  void aFailedSaveStillDisablesTheOldInstance() throws Exception {
    Path result = deployedCounter("failed-save", Fixture.deadPort());
    Path ws = result.getParent();
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    Path before = ws.resolve("before-update.json");
    Files.copy(result, before);

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .update("a", Optional.of(new StateTransfer("save", "transfer_out", "restore"))))
        .hasMessageContaining("entry save of the old module failed with GENERIC_ERROR")
        .hasMessageContaining("The new instance runs without the old state (the old one is"
            + " disabled)");

    // The old instance, reached through the result from before, counts and saves again: a
    // disabled module sends nothing, so the new instance's count stays 0.
    Deployer old = Fixture.open(before, ws, before, new Fixture.Recorder());
    old.call("a", "tick", new byte[0]);
    old.call("a", "save", new byte[0]);
    Deployer now = Fixture.open(result, ws, result, new Fixture.Recorder());
    for (int i = 0; i < 20; i++) { // 1 s for a stale state event to arrive
      assertThat(now.call("a", "peek", new byte[0])).as("the new instance's count")
          .containsExactly(0, 0, 0, 0);
      Thread.sleep(50);
    }
  }

  /**
   * An event manager restarted since the deploy has lost its modules, so they cannot be disabled:
   * reset warns and resets the node all the same (which is how a user starts over), and the result
   * records the modules as not deployed. A node that cannot be reset still fails the reset.
   */
  @Test
  void resetAfterTheEventManagerRestartedWarnsAndStartsOver() throws Exception {
    int dead = Fixture.deadPort();
    Path result = deployedCounter("restarted", dead);
    Path ws = result.getParent();
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    int port = live.port();
    live.close();
    live = EventManager.builder().port(port).logLevel(dev.aex.em.LogLevel.WARN).build().start();
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .call("a", "peek", new byte[0]))
        .hasMessageContaining("or the module is not running (update brings it back)");
    Fixture.Recorder recorder = new Fixture.Recorder();

    assertThatThrownBy(() -> Fixture.open(result, ws, result, recorder).reset())
        .hasMessageStartingWith("reset node on down (127.0.0.1:" + dead + "): connection refused");

    assertThat(recorder.warnings).singleElement().asString()
        .startsWith("disable a on up (127.0.0.1:" + port + "): the answer was")
        .endsWith("; its node was reset, which stopped it");
    assertThat(Fixture.read(result).module("a").orElseThrow().common().deployed()).isFalse();
    Fixture.open(result, ws, result, new Fixture.Recorder()).deploy(Selection.all());
    assertThat(live.modules()).hasSize(1);
  }

  /** A Call's argument must fit its u16 length with the 4-byte head: a clear error, not a crash. */
  @Test
  void aCallArgumentTooLargeForOneCallIsRefused() throws Exception {
    Path result = deployedCounter("big-call", Fixture.deadPort());
    Path ws = result.getParent();

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .call("a", "peek", new byte[65_532]))
        .isInstanceOf(DeployerException.class)
        .hasMessageEndingWith(": the argument is 65532 bytes; at most 65531 fit one Call (with its"
            + " 4-byte head, in a u16 length). Pass less data per call");
    assertThat(Fixture.open(result, ws, result, new Fixture.Recorder())
        .call("a", "peek", new byte[65_531])).containsExactly(0, 0, 0, 0);
  }

  /** A name that is another kind of endpoint says so (found: call --entry of an input). */
  @Test
  void anEntryNameThatIsAnInputSaysSo() throws Exception {
    Path result = deployedCounter("input-called", Fixture.deadPort());

    assertThatThrownBy(() -> Fixture.open(result, result.getParent(), result,
        new Fixture.Recorder()).call("a", "increment", new byte[0]))
        .hasMessage("module a has no entry named \"increment\" (its entries: peek, tick, save);"
            + " \"increment\" is an input");
  }

  /** Found only once ids are assigned, still a problem of the file, not an internal error. */
  @Test
  void aModulePortBeyond65535IsADescriptorProblem() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("port"));
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "n1", "host": "127.0.0.1", "reactive_port": 65535}],
         "modules": [{"type": "native", "name": "a", "node": "n1", "folder": "counter"}]}
        """);

    assertThatThrownBy(() -> Fixture.open(file, ws, ws.resolve("r.json"), new Fixture.Recorder()))
        .isInstanceOfSatisfying(DescriptorException.class,
            e -> assertThat(e.problems()).singleElement().hasToString(file + ": module a on node n1:"
                + " port reactive_port + id = 65536 exceeds 65535; give the module a port, or the"
                + " node a lower reactive_port"));
    assertThat(ws.resolve("r.json")).doesNotExist();
  }

  /**
   * A deploy interrupted after the node answered a Load, before the result was saved, leaves the
   * module running unrecorded on the port the next Load needs: the next deploy finds it by its
   * recorded key and records it, and it attests as usual.
   */
  @Test
  void aModuleLeftRunningByAnInterruptedDeployIsRecordedByTheNext() throws Exception {
    Path result = deployedCounter("interrupted", Fixture.deadPort());
    Path ws = result.getParent();
    // What the result said before the Load's answer was recorded.
    Files.writeString(result, Files.readString(result).replaceAll("\"deployed\": ?true",
        "\"deployed\": false"));
    assertThat(Fixture.read(result).module("a").orElseThrow().common().deployed()).isFalse();

    Fixture.Recorder recorder = new Fixture.Recorder();
    Fixture.open(result, ws, result, recorder).deploy(Selection.all());

    assertThat(recorder.infos).anyMatch(line -> line.startsWith("Module a was already running on up"
        + " as module 1, with the recorded key"));
    assertThat(Fixture.read(result).module("a").orElseThrow().common().deployed()).isTrue();
    assertThat(live.modules()).hasSize(1);
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    assertThat(Fixture.read(result).module("a").orElseThrow().common().attested()).isTrue();
  }

  /** A module of another result file at the same id is not taken for this one's. */
  @Test
  void aModuleOfAnotherResultAtTheSameIdFailsTheLoadAndSaysWhatToDo() throws Exception {
    Path ws = deployedCounter("other", Fixture.deadPort()).getParent();
    Path file = ws.resolve("descriptor.json");
    Path second = ws.resolve("second.json");
    Fixture.Recorder recorder = new Fixture.Recorder();

    assertThatThrownBy(() -> Fixture.open(file, ws, second, recorder).deploy(Selection.all()))
        .hasMessageStartingWith("deploy a on up (127.0.0.1:" + live.port()
            + "): Load failed with INTERNAL_ERROR(3)")
        .hasMessageContaining("If another module holds that port (\"Address already in use\"),"
            + " reset the node with the result file that deployed it");
    assertThat(recorder.infos).anyMatch(line -> line.startsWith("Module a does not run at its"
        + " id already") && line.contains("CryptoError"));
    assertThat(Fixture.read(second).module("a").orElseThrow().common().deployed()).isFalse();
  }

  /**
   * A descriptor naming an input or entry that the module turns out not to have (known once it is
   * built) fails the deploy before any Load: deployed, its result would record running modules
   * whose connections can never be made, and fixing the descriptor would not fix that result.
   */
  @Test
  void aNameTheBuiltModuleDoesNotHaveStopsTheDeployBeforeAnyLoad() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("typo"));
    Path file = counterOnLive(ws, """
        "connections": [{"name": "inc", "direct": true, "to_module": "counter",
                         "to_input": "incremnt", "encryption": "aes"}],
        "periodic-events": [{"module": "counter", "entry": "tik", "frequency": 1000}]
        """);
    Path result = ws.resolve("result.json");

    assertThatThrownBy(() -> Fixture.open(file, ws, result, new Fixture.Recorder())
        .deploy(Selection.all()))
        .hasMessageStartingWith("The descriptor names what its modules do not have, so nothing was"
            + " loaded; fix the descriptor (not the result file) and run again:")
        .hasMessageContaining("connection inc: module counter has no input named \"incremnt\"")
        .hasMessageContaining("did you mean \"increment\"?")
        .hasMessageContaining("periodic event event0: module counter has no entry named \"tik\"");
    assertThat(live.modules()).isEmpty();
    // The result is no descriptor to go on from (the built module's data now contradicts it).
    assertThat(Files.readString(result)).doesNotContainPattern("\"deployed\": ?true");
  }

  /** {@link dev.aex.deployer.Deployer#health()}: which recorded modules run as recorded. */
  @Test
  void deployedModulesAnswerUntilTheirEventManagerRestartsAndTheOthersAreNamed() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("ws"));
    Files.createDirectories(ws.resolve("original"));
    Files.writeString(ws.resolve("original/Cargo.toml"), "[package]\nname = \"original\"\n");
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "a", "node": "n", "folder": "counter"},
                     {"type": "native", "name": "b", "node": "n", "folder": "counter"},
                     {"type": "native", "name": "original", "node": "n", "deployed": true,
                      "id": 9, "key": "000102030405060708090a0b0c0d0e0f"}]}
        """.formatted(live.port()));
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).deploy(Selection.of(List.of("a")));

    assertThat(Fixture.open(result, ws, result, new Fixture.Recorder()).health()).containsExactly(
        new ModuleHealth.Answers("a"),
        new ModuleHealth.NotDeployed("b"),
        new ModuleHealth.NotChecked("original", "an original module: it answers no aex challenge"));

    int port = live.port();
    live.close();
    live = EventManager.builder().port(port).logLevel(dev.aex.em.LogLevel.WARN).build().start();
    List<ModuleHealth> after = Fixture.open(result, ws, result, new Fixture.Recorder()).health();

    assertThat(after.get(0)).isInstanceOfSatisfying(ModuleHealth.NotAnswering.class,
        n -> assertThat(n.problem())
            .startsWith("status a on n (127.0.0.1:" + port + "): the answer was"
                + " INTERNAL_ERROR(3) (the event manager's, when it cannot reach the module; or"
                + " the module's, when it failed)")
            .contains("update brings back a module that died"));
  }

  /**
   * Counter module "a" in {@code ws}, deployed and attested on node {@code on} of two, "here"
   * (event manager port {@code here}) and "there"; returns the result file.
   */
  private Path attestedA(Path ws, int here, int there, String on) throws Exception {
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "here", "host": "127.0.0.1", "reactive_port": %d},
                   {"type": "native", "name": "there", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "a", "node": "%s", "folder": "counter"}]}
        """.formatted(here, there, on));
    Path result = ws.resolve("result.json");
    Fixture.open(file, ws, result, new Fixture.Recorder()).deploy(Selection.all());
    Fixture.open(result, ws, result, new Fixture.Recorder()).attest(Selection.all());
    return result;
  }

  /**
   * A module whose event manager is gone moves to another node with update: the disable of the
   * old instance is refused a connection, which says it does not run (it failed the update, and
   * left the moved node field in the result pointing at a module that was not there).
   */
  @Test
  void anUpdateMovesAModuleOffANodeWhoseEventManagerIsGone() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("gone"));
    Path result;
    try (EventManager there = Fixture.em()) {
      result = attestedA(ws, live.port(), there.port(), "there");
    }
    DescriptorWriter.write(EndToEndTest.moveTo(Fixture.read(result), "a", "here"),
        DescriptorFormat.JSON, result);
    Fixture.Recorder recorder = new Fixture.Recorder();

    Deployer d = Fixture.open(result, ws, result, recorder);
    d.update("a", Optional.empty());

    assertThat(recorder.warnings).singleElement().asString()
        .startsWith("update a: the old instance (module 1 on there) does not run: its event"
            + " manager refuses connections (it stopped, and an aex one stops its modules with"
            + " it); replacing it.");
    assertThat(d.health()).containsExactly(new ModuleHealth.Answers("a"));
    assertThat(Fixture.read(result).module("a").orElseThrow().common().oldNode())
        .isEqualTo("here");
  }

  /**
   * An update whose Load times out says that a stuck event manager may still load the new
   * instance, and how that one goes (a re-check loaded one late on a resumed event manager).
   */
  @Test
  void anUpdateWhoseLoadTimesOutSaysTheNewInstanceMayStillBeLoaded() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("stuck"));
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket stuck = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> {
        try {
          for (int i = 0; i < 4; i++) {
            held.add(stuck.accept()); // accept, never answer: a stopped event manager
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      Path result = attestedA(ws, live.port(), stuck.getLocalPort(), "here");
      DescriptorWriter.write(EndToEndTest.moveTo(Fixture.read(result), "a", "there"),
          DescriptorFormat.JSON, result);
      Deployer d = Deployer.open(result, DeployerSettings.defaults(ws)
          .withTimeout(Duration.ofMillis(300))
          .withResultSink(state -> DescriptorWriter.write(state, DescriptorFormat.JSON, result)));

      assertThatThrownBy(() -> d.update("a", Optional.empty()))
          .hasMessageStartingWith("deploy a on there (127.0.0.1:" + stuck.getLocalPort() + "): no"
              + " answer within")
          .hasMessageEndingWith(". The old instance is as the result says; should there's event"
              + " manager still load the new one (a stuck one may, once it resumes), it stays"
              + " loaded but unused until a reset of there");
      assertThat(d.health()).containsExactly(new ModuleHealth.Answers("a"));
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  /**
   * An update to another node takes that node's next id, as the original's clone does: the old
   * instance runs on its old_node, so its id is not taken on the node it moves to (it was,
   * through its edited node field: the new instance got id 2 on an empty node).
   */
  @Test
  void anUpdateToAnotherNodeTakesThatNodesNextId() throws Exception {
    try (EventManager there = Fixture.em()) {
      Path ws = Fixture.workspace(dir.resolve("move"));
      Path result = attestedA(ws, live.port(), there.port(), "here");
      DescriptorWriter.write(EndToEndTest.moveTo(Fixture.read(result), "a", "there"),
          DescriptorFormat.JSON, result);

      Fixture.open(result, ws, result, new Fixture.Recorder()).update("a", Optional.empty());

      Module moved = Fixture.read(result).module("a").orElseThrow();
      assertThat(moved.id()).contains(1);
      assertThat(((NativeModule) moved).port()).contains(there.port() + 1);
      assertThat(there.modules()).hasSize(1);
    }
  }

  /**
   * With a counter ledger (the aex command keeps one per user), a stale copy of the result file
   * takes counters nobody used: both copies work, and the module, which refuses a counter it saw,
   * proves that none was sealed twice (before the ledger and the random skip, each copy sealed its
   * own message under the other's counters: AES-GCM's one forbidden case).
   */
  @Test
  void withALedgerCopiesOfAResultNeverSealUnderACounterUsedAlready() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("ledger"));
    Path file = counterWithInc(ws);
    Path result = ws.resolve("result.json");
    CounterLedger ledger = CounterLedger.inFolder(dir.resolve("counters"));
    Fixture.open(file, ws, result, ledger).deploy(Selection.all());
    Fixture.open(result, ws, result, ledger).attest(Selection.all());
    Fixture.open(result, ws, result, ledger).connect(Selection.all());
    Path copy = Files.copy(result, ws.resolve("copy.json"));

    for (Path used : List.of(result, copy, copy, result)) {
      Deployer d = Fixture.open(used, ws, used, ledger);
      assertThat(d.health()).as(used.toString())
          .containsExactly(new ModuleHealth.Answers("counter"));
      d.output("inc", new byte[] {1});
    }
    assertThat(Fixture.u32(Fixture.open(result, ws, result, ledger)
        .call("counter", "peek", new byte[0]))).isEqualTo(4);
  }

  /**
   * Copies of a result file on two machines (no ledger in common) seal under counters of their
   * own: each command starts a random skip ahead of its file's counter. Before, the second copy
   * sealed its event under the counter the first had used. Whether the module then takes the
   * second event depends on the draw (a counter more than its replay window below the highest it
   * saw is refused, and the command says so); that it takes the first one does not.
   */
  @Test
  void copiesOnTwoMachinesSealUnderCountersOfTheirOwn() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("two-machines"));
    Path file = counterWithInc(ws);
    Path result = ws.resolve("result.json");
    Deployer deployer = connected(file, ws, result);
    long base = Fixture.read(result).connection("inc").orElseThrow().nonce();
    Path there = Files.copy(result, ws.resolve("there.json"));

    Fixture.open(result, ws, result, CounterLedger.inFolder(dir.resolve("here"))).output("inc",
        new byte[] {1});
    Throwable second = catchThrowable(() -> Fixture.open(there, ws, there,
        CounterLedger.inFolder(dir.resolve("there"))).output("inc", new byte[] {1}));

    long usedHere = Fixture.read(result).connection("inc").orElseThrow().nonce() - 1;
    long usedThere = Fixture.read(there).connection("inc").orElseThrow().nonce() - 1;
    assertThat(usedHere).isNotEqualTo(usedThere).isGreaterThan(base);
    assertThat(usedThere).isGreaterThan(base);
    if (second != null) {
      assertThat(second)
          .hasMessageContaining("the module did not take the event (CRYPTO_ERROR(5))");
    }
    assertThat(Fixture.u32(deployer.call("counter", "peek", new byte[0])))
        .isEqualTo(second == null ? 2 : 1);
  }

  /**
   * A file that a copy far ahead of it has left more than a replay window behind: its request and
   * its disable are refused, and the messages say why.
   */
  @Test
  void aFileFarBehindACopyIsRefusedAsStale() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("behind"));
    Path file = counterOnLive(ws, """
        "connections": [{"name": "get", "direct": true, "to_module": "counter",
                         "to_handler": "get_count", "encryption": "aes"}]
        """);
    Path result = ws.resolve("result.json");
    connected(file, ws, result);
    Path ahead = Fixture.countersAt(result, ws.resolve("ahead.json"), 1L << 62);
    Deployer far = Fixture.open(ahead, ws, ahead, new Fixture.Recorder());
    assertThat(Fixture.u32(far.request("get", new byte[0]))).isZero();
    assertThat(far.health()).containsExactly(new ModuleHealth.Answers("counter"));

    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .request("get", new byte[0]))
        .hasMessageStartingWith("request get on n (127.0.0.1:" + live.port() + "): the"
            + " module refused the request (CryptoError). The result file is stale");
    assertThatThrownBy(() -> Fixture.open(result, ws, result, new Fixture.Recorder())
        .disable("counter"))
        .isInstanceOf(DeployerException.class)
        .hasMessageContaining("disable counter on n (127.0.0.1:" + live.port() + ")")
        .hasMessageContaining("CryptoError")
        .hasMessageContaining("stale");
  }

  /**
   * Status whose counters cannot be recorded (a full disk) or taken (a ledger that cannot be
   * written) fails once, before any challenge, and says so: it showed every module NOT ANSWERING,
   * with advice to update them all.
   */
  @Test
  void aStatusThatCannotRecordItsCountersSendsNothingAndSaysWhy() throws Exception {
    Path result = deployedCounter("full-disk", Fixture.deadPort());
    DeployerSettings settings = DeployerSettings.defaults(result.getParent())
        .withTimeout(Fixture.TIMEOUT);
    DeployerSettings fullDisk = settings.withResultSink(state -> {
      throw new IOException("No space left on device");
    });
    DeployerSettings readOnlyLedger = settings.withCounterLedger((key, recorded, count) -> {
      throw new IOException("/ro/counters: Read-only file system");
    });
    String where = "status a on up (127.0.0.1:" + live.port() + "): ";

    assertThatThrownBy(() -> Deployer.open(result, fullDisk).health())
        .isInstanceOf(DeployerException.class)
        .hasMessage(where + "cannot write the result file, where the counter must be recorded"
            + " before it is used: No space left on device. Nothing was sent. Free some space or"
            + " fix the permissions, then run it again");
    assertThatThrownBy(() -> Deployer.open(result, readOnlyLedger).health())
        .hasMessage(where + "cannot use the counter ledger: /ro/counters: Read-only file"
            + " system. Nothing was sent. Check the folder of AEX_STATE_DIR (docs/cli.md)");
  }

  /**
   * Two Deployers on one result file: with {@code ResultSink.toFile}, the second one's save is
   * refused once the first has written (before, it silently undid the first one's records).
   */
  @Test
  void aFileSinkRefusesToUndoWhatAnotherDeployerWrote() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("two-deployers"));
    Path result = ws.resolve("result.json");
    connected(counterWithInc(ws), ws, result);
    DeployerSettings settings = DeployerSettings.defaults(ws).withTimeout(Fixture.TIMEOUT);
    Deployer first = Deployer.open(result,
        settings.withResultSink(ResultSink.toFile(result, DescriptorFormat.JSON)));
    Deployer second = Deployer.open(result,
        settings.withResultSink(ResultSink.toFile(result, DescriptorFormat.JSON)));

    first.output("inc", new byte[] {1});
    assertThatThrownBy(() -> second.output("inc", new byte[] {1}))
        .hasMessageContaining(result + " was changed since this deployer last read or wrote it"
            + " (by another Deployer or aex command)")
        .hasMessageContaining("Nothing was sent");
    first.output("inc", new byte[] {1});

    assertThat(Fixture.u32(first.call("counter", "peek", new byte[0]))).isEqualTo(2);
  }

  /**
   * An output whose counter cannot be recorded (a full disk) says that nothing was sent, and
   * nothing was: it said that "the steps so far were done but are not recorded".
   */
  @Test
  void anOutputWhoseCounterCannotBeRecordedSaysNothingWasSent() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("full-output"));
    Path result = ws.resolve("result.json");
    Deployer deployer = connected(counterWithInc(ws), ws, result);
    DeployerSettings full = DeployerSettings.defaults(ws).withTimeout(Fixture.TIMEOUT)
        .withResultSink(state -> {
          throw new IOException("No space left on device");
        });

    assertThatThrownBy(() -> Deployer.open(result, full).output("inc", new byte[] {1}))
        .hasMessage("output inc on n (127.0.0.1:" + live.port() + "): cannot write the result"
            + " file, where the counter must be recorded before it is used: No space left on"
            + " device. Nothing was sent. Free some space or fix the permissions, then run it"
            + " again");
    assertThat(Fixture.u32(deployer.call("counter", "peek", new byte[0]))).isZero();
  }

  /**
   * A module that another copy of the result file, far ahead of this one, talked to since runs,
   * but refuses this copy's counter: status tells it from one that does not answer (it said NOT
   * ANSWERING, and "update brings back a module that died").
   */
  @Test
  void aModuleThatAnotherCopyOfTheResultTalkedToRefusesButRuns() throws Exception {
    Path result = deployedCounter("copies", Fixture.deadPort());
    Path ws = result.getParent();
    Path copy = Fixture.countersAt(result, ws.resolve("copy.json"), 1L << 62);
    assertThat(Fixture.open(copy, ws, copy, new Fixture.Recorder()).health())
        .containsExactly(new ModuleHealth.Answers("a"));

    List<ModuleHealth> stale = Fixture.open(result, ws, result, new Fixture.Recorder()).health();

    assertThat(stale).singleElement().isInstanceOfSatisfying(ModuleHealth.Refuses.class,
        r -> assertThat(r.problem()).startsWith("status a on up (127.0.0.1:" + live.port()
            + "): the module refused the challenge (CryptoError). Either its module key differs"));
  }

  /**
   * A direct output that its module does not take fails, where the event manager is an aex one:
   * under a stale result file (the module refuses the counter, since a copy far ahead was used),
   * and once the module died. Before, RemoteOutput had no answer and both "succeeded".
   */
  @Test
  void aDirectOutputItsModuleDidNotTakeFailsAndSaysWhy() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("outputs"));
    Path file = counterOnLive(ws, """
        "connections": [
          {"name": "inc", "direct": true, "to_module": "counter", "to_input": "increment",
           "encryption": "aes"},
          {"name": "get", "direct": true, "to_module": "counter", "to_handler": "get_count",
           "encryption": "aes"}]
        """);
    Path result = ws.resolve("result.json");
    Deployer deployer = connected(file, ws, result);
    Path stale = Files.copy(result, ws.resolve("stale.json"));
    deployer.output("inc", new byte[0]);
    assertThat(Fixture.u32(deployer.request("get", new byte[0]))).isEqualTo(1);
    Path ahead = Fixture.countersAt(result, ws.resolve("ahead.json"), 1L << 62);
    Fixture.open(ahead, ws, ahead, new Fixture.Recorder()).output("inc", new byte[0]);

    assertThatThrownBy(() -> Fixture.open(stale, ws, stale, new Fixture.Recorder())
        .output("inc", new byte[0]))
        .hasMessageStartingWith("output inc on n (127.0.0.1:" + live.port() + "): the"
            + " module did not take the event (CRYPTO_ERROR(5)). The result file is stale")
        .hasMessageEndingWith("another copy re-keyed the connection since; use the latest result"
            + " file");
    Path otherId = Files.writeString(ws.resolve("other-id.json"), Files.readString(result)
        .replaceFirst("\"id\": 0,(\\s*\"nonce\": \\d+,\\s*\"direct\": true)", "\"id\": 9,$1"));
    assertThatThrownBy(() -> Fixture.open(otherId, ws, otherId, new Fixture.Recorder())
        .output("inc", new byte[0]))
        .hasMessageContaining("the module did not take the event (BAD_REQUEST(4)). The module"
            + " does not know this connection: is this the latest result file?");
    ProcessHandle module = ProcessHandle.of(live.modules().get(0).pid()).orElseThrow();
    module.destroyForcibly();
    module.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);

    assertThatThrownBy(() -> deployer.output("inc", new byte[0]))
        .hasMessageStartingWith("output inc on n (127.0.0.1:" + live.port() + "): the"
            + " module did not take the event (GENERIC_ERROR(7)). The event manager could not"
            + " deliver it")
        .hasMessageContaining("aex status shows which modules answer");
  }

  @Test
  void aModuleThatDiesAtStartFailsItsLoad() throws Exception {
    Path ws = Fixture.workspace(dir.resolve("crash"));
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "crasher", "node": "n"}]}
        """.formatted(live.port()));
    Path result = ws.resolve("result.json");

    assertThatThrownBy(() -> Fixture.open(file, ws, result, new Fixture.Recorder())
        .deploy(Selection.all()))
        .hasMessageStartingWith("deploy crasher on n (127.0.0.1:" + live.port()
            + "): Load failed with INTERNAL_ERROR(3)")
        .hasMessageContaining("exited at start");
    assertThat(Fixture.read(result).module("crasher").orElseThrow().common().deployed()).isFalse();
  }

  @Test
  void aSilentEventManagerTimesOut() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> {
        try {
          for (int i = 0; i < 4; i++) {
            held.add(silent.accept()); // accept, never answer
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      Deployer deployer = moduleBehind("silent", silent.getLocalPort());
      long start = System.nanoTime();
      assertThatThrownBy(() -> deployer.call("m", "7", new byte[0]))
          .hasMessageStartingWith("call m:7 on n (127.0.0.1:" + silent.getLocalPort()
              + "): no answer within 3300 ms (the timeout and 3 s for the event manager's own"
              + " answer). Is the event manager or the module stuck?")
          .hasMessageContaining("Check the event manager's log");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  /**
   * An aex event manager refuses a binary above 64 MiB as soon as it reads the Load's length, and
   * closes; the deployer, still sending, sees a broken connection, and names the binary's size.
   */
  @Test
  void aBinaryTooLargeForAnEventManagerIsNamedWhenTheLoadIsCutShort() throws Exception {
    try (ServerSocket refusing = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> {
        try (Socket s = refusing.accept()) {
          s.getInputStream().readNBytes(5); // code and u32 length, as an aex event manager reads
        } catch (IOException e) {
          // the test is over
        }
      });
      Path ws = Fixture.workspace(dir.resolve("big"));
      Path file = descriptor(ws, """
          {"nodes": [{"type": "native", "name": "down", "host": "127.0.0.1",
                      "reactive_port": %d}],
           "modules": [{"type": "native", "name": "a", "node": "down", "folder": "counter"}]}
          """.formatted(refusing.getLocalPort()));
      Deployer deployer = Fixture.open(file, ws, ws.resolve("result.json"), new Fixture.Recorder());
      deployer.build(Selection.all());
      Path binary = Path.of(((NativeModule) deployer.state().module("a").orElseThrow())
          .binary().orElseThrow());
      // A long comment line in its launcher: still the build the result records (a jar is read
      // from its end), so deploy loads it as it is.
      byte[] built = Files.readAllBytes(binary);
      int launcherLine = indexOf(built, (byte) '\n') + 1;
      byte[] comment = new byte[65 << 20];
      java.util.Arrays.fill(comment, (byte) '#');
      comment[comment.length - 1] = '\n';
      try (var out = Files.newOutputStream(binary)) {
        out.write(built, 0, launcherLine);
        out.write(comment);
        out.write(built, launcherLine, built.length - launcherLine);
      }

      assertThatThrownBy(() -> deployer.deploy(Selection.all()))
          .hasMessageStartingWith("deploy a on down (127.0.0.1:" + refusing.getLocalPort()
              + "): the module's binary is " + Files.size(binary) + " bytes, and an aex event"
              + " manager takes a Load of at most 67108864 (the connection ended while it was"
              + " sent: java.net.SocketException: ")
          .hasMessageEndingWith("Make the module smaller: its resources, lib/ jars and pom.xml"
              + " dependencies are all in the binary");
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }

  /**
   * A deployer with a 300 ms timeout for a result (in folder {@code name}) that records module m,
   * deployed and attested, on a node whose event manager port is {@code port}.
   */
  private Deployer moduleBehind(String name, int port) throws Exception {
    Path ws = dir.resolve(name);
    Files.createDirectories(ws);
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [{"type": "native", "name": "m", "node": "n", "deployed": true,
                      "attested": true, "id": 1, "key": "000102030405060708090a0b0c0d0e0f"}]}
        """.formatted(port));
    return Deployer.open(file, DeployerSettings.defaults(ws).withTimeout(Duration.ofMillis(300)));
  }

  /**
   * An event manager gives a module as long as the deployer's timeout to answer, then answers
   * itself: the deployer waits a little longer, so that answer, which says what happened, is read
   * instead of cut off (here: an answer 1 s after a 300 ms timeout).
   */
  @Test
  void theEventManagersOwnAnswerAfterItsModuleTimeoutIsRead() throws Exception {
    try (ServerSocket late = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> {
        try (Socket s = late.accept()) {
          DataInputStream in = new DataInputStream(s.getInputStream());
          in.readUnsignedByte();
          in.readFully(new byte[in.readUnsignedShort()]);
          Thread.sleep(1_000);
          s.getOutputStream().write(new byte[] {3, 0, 0}); // InternalError, no payload
        } catch (IOException | InterruptedException e) {
          // the test is over
        }
      });
      Deployer deployer = moduleBehind("late", late.getLocalPort());

      assertThatThrownBy(() -> deployer.call("m", "7", new byte[0]))
          .hasMessageStartingWith("call m:7 on n (127.0.0.1:" + late.getLocalPort()
              + "): Reactive command Call failed with code INTERNAL_ERROR(3)")
          .hasMessageContaining("The entry threw, answered more than one message holds, or did"
              + " not answer in time; or the module is not running");
    }
  }

  @Test
  void unknownNamesAndStepsOutOfOrderAreClearErrors() throws Exception {
    Path ws = dir.resolve("names");
    Files.createDirectories(ws);
    Path file = descriptor(ws, """
        {"nodes": [{"type": "native", "name": "n", "host": "127.0.0.1", "reactive_port": %d}],
         "modules": [
           {"type": "native", "name": "counter", "node": "n"},
           {"type": "native", "name": "mirror", "node": "n"}],
         "connections": [
           {"name": "forward", "from_module": "counter", "from_output": "counted",
            "to_module": "mirror", "to_input": "increment", "encryption": "aes"},
           {"name": "get", "direct": true, "to_module": "counter", "to_handler": "get_count",
            "encryption": "aes"},
           {"name": "inc", "direct": true, "to_module": "counter", "to_input": "increment",
            "encryption": "aes"}]}
        """.formatted(live.port()));
    Deployer d = Deployer.open(file, DeployerSettings.defaults(ws));

    assertThatThrownBy(() -> d.deploy(Selection.of(List.of("countr"))))
        .hasMessageStartingWith("No module with name countr; did you mean \"counter\"?");
    assertThatThrownBy(() -> d.call("countr", "peek", new byte[0]))
        .hasMessage("No module with name countr; did you mean \"counter\"?");
    assertThatThrownBy(() -> d.connect(Selection.of(List.of("fwd", "get"))))
        .hasMessageStartingWith("No connection with name fwd");
    assertThatThrownBy(() -> d.output("nope", new byte[0]))
        .hasMessage("No connection with name nope");
    assertThatThrownBy(() -> d.output("99", new byte[0])).hasMessage("No connection with ID 99");
    assertThatThrownBy(() -> d.output("", new byte[0]))
        .hasMessage("No connection given: name one of [forward, get, inc], or give its id");
    assertThatThrownBy(() -> d.output("forward", new byte[0]))
        .hasMessageStartingWith("Connection is not direct. (");
    assertThatThrownBy(() -> d.output("get", new byte[0]))
        .hasMessageStartingWith("Not a output-input connection");
    assertThatThrownBy(() -> d.request("inc", new byte[0]))
        .hasMessageStartingWith("Not a request-handler connection");
    assertThatThrownBy(() -> d.output("inc", new byte[0]))
        .hasMessage("Connection inc is not established yet; module counter is not deployed"
            + " either: run deploy, attest and connect first (or aex up)");
    assertThatThrownBy(() -> d.attest(Selection.all()))
        .hasMessage("One or more modules to attest are not deployed yet: [counter, mirror]."
            + " Run deploy first");
    assertThatThrownBy(() -> d.connect(Selection.all()))
        .hasMessageStartingWith("One or more modules to connect are not attested yet");
    assertThatThrownBy(() -> d.update("counter", Optional.empty()))
        .hasMessage("update counter: Module is not deployed yet.");
  }

  @Test
  void whatIsNotSupportedYetOrNotReadySaysSo() throws Exception {
    Path ws = dir.resolve("sgx");
    Files.createDirectories(ws);
    Path file = descriptor(ws, """
        {"nodes": [{"type": "sgx", "name": "s", "host": "127.0.0.1", "reactive_port": 5000},
                   {"type": "trustzone", "name": "t", "host": "127.0.0.1",
                    "reactive_port": 6000, "vendor_id": 1,
                    "node_key": "000102030405060708090a0b0c0d0e0f"},
                   {"type": "sancus", "name": "mcu", "host": "127.0.0.1", "reactive_port": 7000,
                    "vendor_id": 4660, "vendor_key": "0b7bf3ae40880a8be430d0da34fb76f0"}],
         "modules": [
           {"type": "sgx", "name": "enclave", "node": "s", "vendor_key": "v.pem",
            "ra_settings": "s.json", "deployed": true, "id": 1},
           {"type": "trustzone", "name": "ta", "node": "t", "deployed": true, "id": 1},
           {"type": "trustzone", "name": "fresh-ta", "node": "t"},
           {"type": "sancus", "name": "sm", "node": "mcu", "files": []}]}
        """);
    Deployer d = Deployer.open(file, DeployerSettings.defaults(ws));
    assertThatThrownBy(() -> d.attest(Selection.of(List.of("enclave"))))
        .hasMessage("attest enclave on s (127.0.0.1:5000): the result file has no mrenclave for"
            + " the module. Build and deploy it again");
    assertThatThrownBy(() -> d.attest(Selection.of(List.of("ta"))))
        .hasMessage("attest ta on t (127.0.0.1:6000): the module has neither a key nor a binary."
            + " Give the TA file (binary) or the module key in the descriptor");
    assertThatThrownBy(() -> d.deploy(Selection.of(List.of("fresh-ta"))))
        .hasMessage("deploy fresh-ta on t (127.0.0.1:6000): building TrustZone TAs is not"
            + " supported yet. Build the TA with the original tools and give its binary (.ta file)"
            + " and uuid");
    assertThatThrownBy(() -> d.deploy(Selection.of(List.of("sm"))))
        .hasMessageStartingWith("deploy sm on mcu: deploying to sancus nodes is not supported yet");
    assertThatThrownBy(() -> d.build(Selection.of(List.of("enclave"))))
        .hasMessage("build enclave: it is declared deployed without the mrenclave of a module"
            + " that aex built, so it is an original module; aex builds Java module folders only."
            + " For aex to build it, drop \"deployed\" (and its id and key)");
    assertThatThrownBy(() -> d.update("ta", Optional.empty()))
        .hasMessage("update ta: updating trustzone modules is not supported yet; aex updates its"
            + " own (Java) native and SGX modules");
  }
}
