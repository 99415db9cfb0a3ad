package dev.aex.em.process;

import static dev.aex.em.support.Deployer.OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import dev.aex.em.EventManager;
import dev.aex.em.ModuleInfo;
import dev.aex.em.support.Await;
import dev.aex.em.support.Deployer;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.LogCapture;
import dev.aex.em.support.RelayBinary;
import dev.aex.em.support.TestEms;
import dev.aex.module.testing.TestDeployer;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.NativeLoad;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import dev.aex.wire.payload.RegisterEntrypoint;
import dev.aex.wire.payload.RemoteOutput;
import dev.aex.wire.payload.RemoteRequest;
import dev.aex.wire.payload.SealedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two in-process event managers on loopback with real module processes (the {@code relay} module
 * built by the module SDK): module A and C on node 1, module B on node 2. Every test starts fresh
 * event managers and loads the modules anew.
 */
class ModuleProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path builds;
  static int em1Port;
  static int em2Port;
  static RelayBinary a;
  static RelayBinary c;
  static RelayBinary b;

  @TempDir Path work;
  @TempDir Path work2;
  EventManager em1;
  EventManager em2;
  TestDeployer controlA;
  TestDeployer controlB;
  TestDeployer controlC;

  @BeforeAll
  static void build() {
    // LoopbackPorts never hands out a port twice, so the two module port ranges cannot meet.
    em1Port = LoopbackPorts.freeBlock(4);
    em2Port = LoopbackPorts.freeBlock(4);
    a = RelayBinary.build(builds, 1, em1Port, false);
    c = RelayBinary.build(builds, 2, em1Port, false);
    b = RelayBinary.build(builds, 1, em2Port, false);
  }

  @BeforeEach
  void start() {
    em1 = TestEms.start(em1Port, o -> o.periodicTasks(true).workDirectory(work));
    em2 = TestEms.start(em2Port, o -> o.workDirectory(work2));
  }

  @AfterEach
  void stop() {
    em1.close();
    em2.close();
  }

  private void loadAll() {
    Deployer.load(em1Port, a);
    Deployer.load(em1Port, c);
    Deployer.load(em2Port, b);
    controlA = new TestDeployer(a.key());
    controlB = new TestDeployer(b.key());
    controlC = new TestDeployer(c.key());
  }

  @Test
  void aDirectEventReachesALocalAndARemoteModuleThroughTheSource() throws Exception {
    loadAll();
    SymmetricKey direct = SymmetricKey.random16();
    SymmetricKey local = SymmetricKey.random16();
    SymmetricKey remote = SymmetricKey.random16();
    Deployer.setKey(em1Port, a, controlA, 0, "event", direct);
    Deployer.setKey(em1Port, a, controlA, 1, "relayed", local);
    Deployer.setKey(em1Port, c, controlC, 1, "event", local);
    Deployer.connect(em1Port, 1, c.moduleId(), true, em1Port);
    Deployer.setKey(em1Port, a, controlA, 2, "relayed", remote);
    Deployer.setKey(em2Port, b, controlB, 2, "event", remote);
    Deployer.connect(em1Port, 2, b.moduleId(), false, em2Port);

    Sender sender = SecureAesGcm.create(direct).newSender();
    for (int i = 0; i < 3; i++) {
      byte[] frame = sender.seal(TestDeployer.ad(3, 0), text("press " + i));
      EmClient.send(em1Port, new RemoteOutput(a.moduleId(), 0, SealedData.split(Bytes.of(frame), "test")).toMessage());
    }

    Await.until("3 events at the local module C", WAIT, () -> Deployer.stats(em1Port, c)[0] == 3);
    Await.until("3 events at the remote module B", WAIT, () -> Deployer.stats(em2Port, b)[0] == 3);
    assertThat(Deployer.stats(em1Port, a)[0]).isEqualTo(3);
  }

  @Test
  void aLoadedModuleAlsoListensOnASocketFileInTheEventManagersFolder() throws Exception {
    loadAll();
    String name = (em1Port + a.moduleId()) + ".sock";

    try (Stream<Path> files = Files.walk(work)) {
      assertThat(files.filter(f -> f.getFileName().toString().equals(name))).hasSize(1);
    }
    em1.close();
    try (Stream<Path> files = Files.walk(work)) {
      assertThat(files.filter(f -> f.toString().endsWith(".sock"))).isEmpty();
    }
  }

  @Test
  void aRequestCrossesTwoEventManagersAndItsAnswerComesBack() throws Exception {
    loadAll();
    SymmetricKey key = SymmetricKey.random16();
    Deployer.setKey(em1Port, a, controlA, 3, "lookup", key);
    Deployer.setKey(em2Port, b, controlB, 3, "count", key);
    Deployer.connect(em1Port, 3, b.moduleId(), false, em2Port);

    Optional<ResultMessage> answer = Deployer.call(em1Port, a.moduleId(), a.id("ask"), text("how many?"));

    assertThat(answer).contains(new ResultMessage(ResultCode.OK, Bytes.of(new byte[4])));
  }

  @Test
  void aDirectRequestFromTheDeployerIsAnswered() throws Exception {
    loadAll();
    SymmetricKey key = SymmetricKey.random16();
    Deployer.setKey(em2Port, b, controlB, 4, "count", key);
    PendingRequest request = SecureAesGcm.create(key).newSender().sealRequest(TestDeployer.ad(4, 4), text("?"));

    ResultMessage reply = EmClient.exchange(em2Port,
        new RemoteRequest(b.moduleId(), 4, SealedData.split(Bytes.of(request.frame()), "test")).toMessage())
        .orElseThrow();

    assertThat(reply.code()).isEqualTo(ResultCode.OK);
    assertThat(request.openReply(TestDeployer.ad(4, 4), reply.payload().toByteArray())).isEqualTo(new byte[4]);
  }

  @Test
  void periodicEventsRunAndAFailingTaskDoesNotStopThem() {
    Deployer.load(em1Port, a);
    RegisterEntrypoint broken = new RegisterEntrypoint(40, 5, 50); // no module 40
    RegisterEntrypoint tick = new RegisterEntrypoint(a.moduleId(), a.id("tick"), 100);

    assertThat(EmClient.exchange(em1Port, broken.toMessage())).contains(OK);
    assertThat(EmClient.exchange(em1Port, tick.toMessage())).contains(OK);

    Await.until("5 periodic ticks", WAIT, () -> Deployer.stats(em1Port, a)[1] >= 5);
  }

  @Test
  void resetStopsModulesForgetsRoutesAndStartsTheLoadCounterAgain() throws Exception {
    loadAll();
    Deployer.connect(em1Port, 1, c.moduleId(), true, em1Port);
    List<Long> pids = em1.modules().stream().map(ModuleInfo::pid).toList();

    assertThat(EmClient.exchange(em1Port, CommandMessage.of(CommandCode.RESET))).contains(OK);

    assertThat(em1.modules()).isEmpty();
    assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true)));
    assertThat(filesIn(work)).noneMatch(p -> p.getFileName().toString().startsWith("sm"));
    ModuleOutput onOldRoute = new ModuleOutput(3, 1, SealedData.split(Bytes.of(new byte[20]), "test"));
    try (EmClient client = EmClient.connect(em1Port)) {
      assertThat(client.send(onOldRoute.toMessage()).reply()).as("route forgotten: closed, no reply").isEmpty();
    }
    Deployer.load(em1Port, a);
    assertThat(em1.modules()).singleElement().satisfies(m -> assertThat(m.index()).isZero());
  }

  @Test
  void aModuleThatDiesIsReportedAndCanBeLoadedAgain() {
    Deployer.load(em1Port, a);
    try (LogCapture log = new LogCapture()) {
      Optional<ResultMessage> reply = Deployer.call(em1Port, a.moduleId(), a.id("exit"), new byte[] {3});

      assertThat(reply).contains(ResultMessage.of(ResultCode.INTERNAL_ERROR));
      Await.until("the module reported dead", WAIT,
          () -> em1.modules().stream().anyMatch(m -> !m.alive()));
      assertThat(em1.modules()).singleElement().satisfies(m -> assertThat(m.exitStatus()).hasValue(3));
      log.await("the exit logged with status and stderr",
          line -> line.contains("exited with status 3") && line.contains("relay: exiting with status 3"));
    }
    Deployer.load(em1Port, a);
    assertThat(Deployer.stats(em1Port, a)[0]).isZero();
    assertThat(em1.modules()).singleElement().satisfies(m -> assertThat(m.alive()).isTrue());
  }

  @Test
  void aModuleThatCrashesAtStartFailsTheLoadWithItsStatusAndStderrInTheLog() {
    byte[] script = "#!/bin/sh\necho 'relay: cannot start: no configuration' >&2\nexit 7\n"
        .getBytes(StandardCharsets.UTF_8);
    try (LogCapture log = new LogCapture()) {
      Optional<ResultMessage> reply = EmClient.exchange(em1Port, new NativeLoad(Bytes.of(script)));

      assertThat(reply).contains(ResultMessage.of(ResultCode.INTERNAL_ERROR));
      assertThat(log.lines()).anyMatch(line -> line.startsWith("SEVERE")
          && line.contains("status 7") && line.contains("relay: cannot start: no configuration"));
    }
    assertThat(em1.modules()).isEmpty();
  }

  @Test
  void closeStopsEveryModuleAndDeletesItsFiles() throws Exception {
    Deployer.load(em1Port, a);
    long pid = em1.modules().get(0).pid();

    em1.close();

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    assertThat(filesIn(work)).isEmpty();
  }

  private static List<Path> filesIn(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
