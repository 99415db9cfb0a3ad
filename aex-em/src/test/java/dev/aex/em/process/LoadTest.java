package dev.aex.em.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.SgxLoading;
import dev.aex.em.support.Deployer;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.LogCapture;
import dev.aex.em.support.TestEms;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.NativeLoad;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Load of executables that are not aex module jars: a module that behaves like an original native
 * module (a Java single-file program behind a {@code #!} line, since no original Rust binary is
 * available here), and one that never listens.
 */
class LoadTest {
  private static final int MODULE_ID = 3;

  final int port = LoopbackPorts.freeBlock(MODULE_ID + 1);
  EventManager em;

  @AfterEach
  void stop() {
    em.close();
  }

  @Test
  void anOriginalStyleModuleLoadsAndIsCalledOnAConnectionPerMessage() throws IOException {
    em = TestEms.start(port);
    NativeLoad load = new NativeLoad(Bytes.of(originalStyleModule(port + MODULE_ID)));

    assertThat(EmClient.exchange(port, load)).contains(Deployer.OK);

    assertThat(em.modules()).singleElement().satisfies(m -> assertThat(m.id()).hasValue(MODULE_ID));
    ResultMessage orig = new ResultMessage(ResultCode.OK, Bytes.of("orig".getBytes(StandardCharsets.US_ASCII)));
    for (int i = 0; i < 3; i++) {
      assertThat(Deployer.call(port, MODULE_ID, 5, new byte[] {(byte) i})).contains(orig);
    }
    assertThat(EmClient.exchange(port, CommandMessage.of(CommandCode.RESET))).contains(Deployer.OK);
    assertThat(em.modules()).isEmpty();
  }

  @Test
  void aModuleThatNeverListensFailsTheLoadAfterTheTimeoutAndIsStopped() {
    em = TestEms.start(port, b -> b.loadTimeout(Duration.ofSeconds(2)));
    byte[] script = "#!/bin/sh\nexec sleep 120\n".getBytes(StandardCharsets.US_ASCII);
    try (LogCapture log = new LogCapture()) {
      Optional<ResultMessage> reply = EmClient.exchange(port, new NativeLoad(Bytes.of(script)));

      assertThat(reply).contains(ResultMessage.of(ResultCode.INTERNAL_ERROR));
      assertThat(log.lines()).anyMatch(line -> line.contains("did not listen") && line.contains("listens on no port"));
    }
    assertThat(em.modules()).isEmpty();
    assertThat(ProcessHandle.current().descendants())
        .noneMatch(p -> p.info().command().orElse("").endsWith("sleep"));
  }

  /**
   * A deployer that takes an SGX node for a native one sends a native Load, which the SGX framing
   * would read on past its end; it gets IllegalPayload at once, and the log says which node it is.
   */
  @Test
  void aNativeLoadOnAnSgxNodeIsRefusedAtOnceWithAReason() {
    em = TestEms.start(port, b -> b.sgx(SgxLoading.SIMULATION));
    byte[] script = "#!/bin/sh\nexec sleep 120\n".getBytes(StandardCharsets.US_ASCII);
    try (LogCapture log = new LogCapture()) {
      Optional<ResultMessage> reply = EmClient.exchange(port, new NativeLoad(Bytes.of(script)));

      assertThat(reply).contains(ResultMessage.of(ResultCode.ILLEGAL_PAYLOAD));
      assertThat(log.lines()).anyMatch(line -> line.contains("Load in NATIVE format")
          && line.contains("SGX modules only (started with --sgx simulation)"));
    }
    assertThat(em.modules()).isEmpty();
  }

  /** The single-file program behind a {@code #!} line that runs it with this JVM's java. */
  private static byte[] originalStyleModule(int modulePort) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    try (InputStream source = LoadTest.class.getResourceAsStream("/original/OriginalStyleModule.java")) {
      String program = new String(source.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@PORT@", Integer.toString(modulePort));
      return ("#!" + java + " --source 21\n" + program).getBytes(StandardCharsets.UTF_8);
    }
  }
}
