package dev.aex.module.runtime;

import dev.aex.module.testing.TestDeployer;
import dev.aex.module.testing.ModuleClient;
import static dev.aex.module.runtime.SecureRuntimeTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each way a request can fail gives its reason, within the request timeout. */
class RequestFailureTest {
  private static final Duration TIMEOUT = Duration.ofMillis(700);

  private final Harness harness = new Harness();
  private final TestDeployer deployer = new TestDeployer(SymmetricKey.random16());

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void notConnected() {
    assertThat(ask(start(new TestModule()))).isEqualTo(failure("NOT_CONNECTED"));
  }

  @Test
  void errorReply() {
    int port = connected(new TestModule());
    harness.em.respondWith(c -> Optional.of(ResultMessage.of(ResultCode.GENERIC_ERROR)));
    assertThat(ask(port)).isEqualTo(failure("ERROR_REPLY"));
  }

  @Test
  void closedWithoutReply() {
    assertThat(ask(connected(new TestModule()))).isEqualTo(failure("ERROR_REPLY"));
  }

  @Test
  void badResponse() {
    int port = connected(new TestModule());
    harness.em.respondWith(c -> Optional.of(SecureRuntimeTest.ok(new byte[40])));
    assertThat(ask(port)).isEqualTo(failure("BAD_RESPONSE"));
  }

  @Test
  void timeout() {
    int port = connected(new TestModule());
    harness.em.respondWith(
        c -> {
          sleep(TIMEOUT.multipliedBy(3));
          return Optional.empty();
        });
    long start = System.nanoTime();
    assertThat(ask(port)).isEqualTo(failure("TIMEOUT"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
  }

  @Test
  void unreachable() {
    // An event manager port that nothing ever listens on (reserved for this test, never bound).
    int deadEm = LoopbackPorts.freeBlock(16);
    int port = harness.start(new TestModule(), deployer.moduleKey,
        d -> new Deployment(1, deadEm, d.moduleKey(), false, TIMEOUT)).port();
    ModuleClient.call(port, 0, deployer.setKey(2, 1, TestModule.REQ, SymmetricKey.random16()));
    assertThat(ask(port)).isEqualTo(failure("UNREACHABLE"));
  }

  @Test
  void aRequestCycleBackIntoABusyModuleEndsWithinTheTimeout() {
    int requester = start(new TestModule(false));
    relayCycle(requester);
    long begin = System.nanoTime();
    assertThat(ask(requester).code()).isEqualTo(ResultCode.GENERIC_ERROR);
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(TIMEOUT.multipliedBy(4));
    assertThat(ModuleClient.call(requester, TestModule.E_ECHO, bytes("alive")).code())
        .isEqualTo(ResultCode.OK);
  }

  @Test
  void aConcurrentModuleServesARequestCycleBackIntoItself() {
    int requester = start(new TestModule(true));
    relayCycle(requester);
    assertThat(ask(requester))
        .isEqualTo(new ResultMessage(ResultCode.OK, Bytes.of(bytes("echo:question"))));
  }

  /**
   * The requester's request (connection 1) goes to another module's handler, which asks back
   * (connection 2) into the requester's own echo handler while the first call is still running.
   */
  private void relayCycle(int requester) {
    TestDeployer other = new TestDeployer(SymmetricKey.random16());
    int middle = harness.start(new TestModule(true), other.moduleKey).port();
    SymmetricKey first = SymmetricKey.random16();
    SymmetricKey second = SymmetricKey.random16();
    ModuleClient.call(requester, 0, deployer.setKey(2, 1, TestModule.REQ, first));
    ModuleClient.call(middle, 0, other.setKey(2, 1, TestModule.H_ASK, first));
    ModuleClient.call(middle, 0, other.setKey(2, 2, TestModule.REQ, second));
    ModuleClient.call(requester, 0, deployer.setKey(2, 2, TestModule.H_ECHO, second));
    harness.em.respondWith(
        command -> {
          int connId = command.payload().getUnsigned(3);
          int to = connId == 1 ? middle : requester;
          return Optional.of(ModuleClient.raw(to, SecureRuntimeTest.messageOf(command.payload())));
        });
  }

  private int connected(TestModule module) {
    int port = start(module);
    ModuleClient.call(port, 0, deployer.setKey(2, 1, TestModule.REQ, SymmetricKey.random16()));
    return port;
  }

  private int start(TestModule module) {
    return harness.start(module, deployer.moduleKey, d -> d.withRequestTimeout(TIMEOUT)).port();
  }

  private static ResultMessage ask(int port) {
    return ModuleClient.call(port, TestModule.E_ASK, bytes("question"));
  }

  private static ResultMessage failure(String reason) {
    return new ResultMessage(ResultCode.GENERIC_ERROR, TestModule.utf8(reason));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
