package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that records the state waits while another process uses the same result: two that
 * read one counter would seal two messages under one key and counter.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResultLockTest {
  /** Another aex command, as far as the lock goes: holds it until its stdin closes. */
  private static final String HOLDER = """
      import java.nio.channels.FileChannel;
      import java.nio.file.*;
      public class Hold {
        public static void main(String[] a) throws Exception {
          try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE); var lock = c.lock()) {
            System.out.println("locked");
            System.in.read();
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void aCommandWaitsForAnotherThatUsesItsResultThenRuns() throws Exception {
    Path input = dir.resolve("descriptor.json");
    try (var in = ResultLockTest.class.getResourceAsStream("/descriptor.json")) {
      Files.write(input, in.readAllBytes());
    }
    Path source = dir.resolve("Hold.java");
    Files.writeString(source, HOLDER);
    Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        source.toString(), ResultLock.sidecar(input).toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      assertThat(firstLine(holder)).isEqualTo("locked");
      FakeDeployment fake = new FakeDeployment();

      CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(dir, fake,
          "output", "descriptor.json", "--connection", "init", "--arg", "beef"));

      Thread.sleep(1000);
      assertThat(run).as("waiting for the other command").isNotDone();
      assertThat(fake.calls).isEmpty();
      holder.getOutputStream().close(); // the other command ends
      CliRun done = run.get(30, TimeUnit.SECONDS);
      assertThat(done.status()).as(done.toString()).isZero();
      assertThat(done.err()).contains("WARNING: waiting for another aex command that uses "
          + input + " to finish");
      assertThat(fake.calls).containsExactly("output init beef");
    } finally {
      holder.destroyForcibly();
    }
  }

  private static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }
}
