package dev.aex.em.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.support.Await;
import dev.aex.em.support.EmClient;
import dev.aex.em.support.RelayBinary;
import dev.aex.testkit.LoopbackPorts;
import dev.aex.wire.ResultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event manager process stops its modules on SIGTERM, whatever its virtual threads are doing.
 * Found on 2026-11-29: after a minute idle, SIGTERM took 6 s per module and stopped none of them
 * (they ended only when the event manager's exit closed their stdin). Each module's stderr reader
 * was a virtual thread blocked in a file read, which holds its carrier thread; the extra carriers
 * the scheduler had added for them had expired, and the virtual threads that the shutdown started
 * to stop the modules never ran. Here the scheduler gets one carrier and no extra ones, so that
 * state holds from the start.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownTest {
  @TempDir Path dir;

  @Test
  void sigtermStopsTheModulesWhenNoCarrierThreadIsFree() throws Exception {
    int port = LoopbackPorts.freeBlock(4);
    List<RelayBinary> modules = List.of(RelayBinary.build(dir, 1, port, false),
        RelayBinary.build(dir, 2, port, false));
    Path log = dir.resolve("em.log");
    Process em = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-cp",
        System.getProperty("java.class.path"), "dev.aex.em.EmMain", "--port",
        String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Await.until("the event manager listens", Duration.ofSeconds(30),
          () -> LoopbackPorts.listening(port));
      for (RelayBinary module : modules) {
        assertThat(EmClient.exchange(port, module.load())).get()
            .satisfies(reply -> assertThat(reply.code()).isEqualTo(ResultCode.OK));
      }
      List<ProcessHandle> children = em.children().toList();
      assertThat(children).hasSize(2);

      em.destroy(); // SIGTERM

      assertThat(em.waitFor(8, TimeUnit.SECONDS)).as("the event manager ended within 8 s;"
          + " its log:\n" + Files.readString(log)).isTrue();
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      assertThat(Files.readString(log)).contains("aex em: stopped (2 module(s) stopped");
    } finally {
      em.descendants().forEach(ProcessHandle::destroyForcibly);
      em.destroyForcibly();
    }
  }


}
