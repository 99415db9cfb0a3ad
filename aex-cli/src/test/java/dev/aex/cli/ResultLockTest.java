package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

  /** Another aex command trying the lock once: prints "locked" or "busy". */
  private static final String TRIER = """
      import java.nio.channels.FileChannel;
      import java.nio.file.*;
      public class Try {
        public static void main(String[] a) throws Exception {
          try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE); var lock = c.tryLock()) {
            System.out.println(lock == null ? "busy" : "locked");
          }
        }
      }
      """;

  @TempDir Path dir;

  /**
   * A descriptor that is only read may sit where no lock file can be made (a read-only checkout):
   * it is read unlocked (up and deploy with --result elsewhere failed on its lock file). The file
   * that is written is always locked.
   */
  @Test
  void anInputWhereNoLockFileCanBeMadeIsReadUnlocked() throws IOException {
    Path input = Path.of("/proc/self/status"); // nobody, root included, creates files in /proc
    assumeTrue(Files.isReadable(input), "no /proc");
    Path target = dir.resolve("res.json");
    CliLog log = new CliLog(new PrintStream(OutputStream.nullOutputStream()),
        CliLog.LogLevel.WARNING);
    try (ResultLock lock = ResultLock.acquire(input, target, log)) {
      assertThat(ResultLock.sidecar(target)).exists();
    }
    assertThatThrownBy(() -> ResultLock.acquire(target, input, log))
        .isInstanceOf(FileSystemException.class);
  }

  @Test
  void aCommandWaitsForAnotherThatUsesItsResultThenRuns() throws Exception {
    Path input = descriptor();
    Process holder = holdingTheLockOf(input);
    try {
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

  /**
   * Another process that holds {@code input}'s lock, as another aex command would, until its
   * stdin ends.
   */
  private Process holdingTheLockOf(Path input) throws IOException {
    Path source = dir.resolve("Hold.java");
    Files.writeString(source, HOLDER);
    Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        source.toString(), ResultLock.sidecar(input).toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(firstLine(holder)).isEqualTo("locked");
    return holder;
  }

  /**
   * A command on a symbolic link waits for another on the file it names: a save through the link
   * replaces that file, so the lock is beside it.
   */
  @Test
  void aCommandOnALinkWaitsForAnotherThatUsesTheFileItNames() throws Exception {
    Path input = descriptor();
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), input.getFileName());
    Process holder = holdingTheLockOf(input);
    try {
      FakeDeployment fake = new FakeDeployment();

      CompletableFuture<CliRun> run =
          CompletableFuture.supplyAsync(() -> CliRun.run(dir, fake, "connect", "link.json"));

      Thread.sleep(1000);
      assertThat(run).as("waiting for the other command").isNotDone();
      holder.getOutputStream().close();
      CliRun done = run.get(30, TimeUnit.SECONDS);
      assertThat(done.status()).as(done.toString()).isZero();
      assertThat(fake.calls).containsExactly("connect all");
      assertThat(link).isSymbolicLink();
      assertThat(dir.resolve(".link.json.lock")).doesNotExist();
    } finally {
      holder.destroyForcibly();
    }
  }

  /**
   * output and request save only the counter they take, then wait for the module: the lock goes
   * with that save, so other commands on the file need not wait for a slow module. Commands that
   * save more (connect) keep it to the end.
   */
  @Test
  void aRequestWaitingForItsModuleLeavesTheResultToOtherCommands() throws Exception {
    Path input = descriptor();
    assertThat(triedWhileWaiting("request", "descriptor.json", "--connection", "init"))
        .isEqualTo("locked");
    assertThat(triedWhileWaiting("connect", "descriptor.json")).isEqualTo("busy");
    assertThat(Files.readString(input)).contains("\"connections\"");
  }

  @Test
  void aSecondSaveOfACommandThatSavesOnlyItsCounterIsRefused() throws Exception {
    descriptor();
    FakeDeployment fake = new FakeDeployment();
    fake.saveTwice = true;

    CliRun run = CliRun.run(dir, fake, "output", "descriptor.json", "--connection", "init");

    assertThat(run.status()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("a second save after the result file's lock was released");
  }

  /** What another process's try of the lock finds while {@code args} waits after its save. */
  private String triedWhileWaiting(String... args) throws Exception {
    CountDownLatch saved = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    FakeDeployment fake = new FakeDeployment();
    fake.afterSave = () -> {
      saved.countDown();
      try {
        answered.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run(dir, fake, args));
    try {
      assertThat(saved.await(30, TimeUnit.SECONDS)).as("the command saved").isTrue();
      Path source = dir.resolve("Try.java");
      Files.writeString(source, TRIER);
      Process trier = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
          source.toString(), ResultLock.sidecar(dir.resolve("descriptor.json")).toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String found = firstLine(trier);
      assertThat(trier.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return found;
    } finally {
      answered.countDown();
      CliRun done = run.get(30, TimeUnit.SECONDS);
      assertThat(done.status()).as(done.toString()).isZero();
    }
  }

  private Path descriptor() throws IOException {
    Path input = dir.resolve("descriptor.json");
    try (var in = ResultLockTest.class.getResourceAsStream("/descriptor.json")) {
      Files.write(input, in.readAllBytes());
    }
    return input;
  }

  private static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }
}
