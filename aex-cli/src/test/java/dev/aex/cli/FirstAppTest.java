package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.testkit.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/first-app.md as a reader follows it: its files written out as the page shows them, its
 * {@code $AEX} command lines run in order (up with {@code --no-wait}, on an event manager that runs
 * already, so the modules stay), each {@code Response} the page promises checked, and the page's
 * edit of the alarm made before its update. Only the node's port differs: a free one.
 */
@Timeout(120)
class FirstAppTest {
  private static final Path PAGE = Path.of("..", "docs", "first-app.md");
  private static final Pattern FILE_BLOCK =
      Pattern.compile("```(?:java|yaml)\n(?://|#) (\\S+)\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  private static final Pattern RESPONSE = Pattern.compile("Response: (\"[0-9a-f]*\")");
  private static final Pattern FAILURE = Pattern.compile("# ERROR: (.*)");

  @TempDir Path dir;

  @Test
  void thePageWorksAsWritten() throws Exception {
    String page = Files.readString(PAGE);
    try (EventManager em = EventManager.builder().port(LoopbackPorts.freeBlock(16))
        .logLevel(LogLevel.WARN).build().start()) {
      writeFiles(page, em.port());
      List<String> ran = new ArrayList<>();
      Matcher block = SH_BLOCK.matcher(page);
      while (block.find()) {
        for (String line : block.group(1).lines().filter(l -> l.startsWith("$AEX ")).toList()) {
          ran.add(run(line.replace("127.0.0.1:5000", "127.0.0.1:" + em.port())));
        }
      }
      assertThat(ran).as("the page's commands").contains("up", "output", "request", "status",
          "update");
      // sensor, the new alarm, and the old one, disabled (loaded until a reset of the node).
      assertThat(em.modules().stream().filter(m -> m.alive()).count()).isEqualTo(3);
    }
  }

  private void writeFiles(String page, int port) throws Exception {
    Matcher file = FILE_BLOCK.matcher(page);
    int written = 0;
    while (file.find()) {
      Path target = dir.resolve(file.group(1));
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.group(2).replace("reactive_port: 5000",
          "reactive_port: " + port));
      written++;
    }
    assertThat(written).as("files on the page").isEqualTo(3);
  }

  /**
   * Runs one {@code $AEX ...} line of the page; checks the response or the error its comment
   * promises.
   */
  private String run(String line) throws Exception {
    int comment = line.indexOf(" #");
    String command = (comment < 0 ? line : line.substring(0, comment)).substring(5).strip();
    List<String> args = new ArrayList<>(Arrays.asList(command.split("\\s+")));
    if (args.get(0).equals("up")) {
      args.add(1, "--no-wait");
    }
    if (args.get(0).equals("update")) {
      // The page's edit: "report max + 1".
      Path alarm = dir.resolve("alarm/Alarm.java");
      Files.writeString(alarm, Files.readString(alarm)
          .replace("return new byte[] {max};", "return new byte[] {(byte) (max + 1)};"));
    }
    Matcher promised = RESPONSE.matcher(comment < 0 ? "" : line.substring(comment));
    Optional<String> response = promised.find()
        ? Optional.of("INFO: Response: " + promised.group(1)) : Optional.empty();
    // An output returns once the sensor took the event; what the sensor sends on may still be on
    // its way when the next command runs (a reader types slower than this): a request is asked
    // again, for up to 5 s.
    CliRun run = CliRun.run(dir, SessionOpener.deployer(), args.toArray(String[]::new));
    for (int i = 0; i < 50 && response.isPresent() && !run.err().contains(response.get()); i++) {
      Thread.sleep(100);
      run = CliRun.run(dir, SessionOpener.deployer(), args.toArray(String[]::new));
    }
    Matcher failure = FAILURE.matcher(comment < 0 ? "" : line.substring(comment));
    if (failure.find()) {
      assertThat(run.status()).as(command + "\n" + run).isEqualTo(1);
      assertThat(run.err()).as(command).contains(failure.group(1));
      return args.get(0);
    }
    assertThat(run.status()).as(command + "\n" + run).isZero();
    if (response.isPresent()) {
      assertThat(run.err()).as(command).contains(response.get());
    }
    return args.get(0).equals("--verbose") ? args.get(1) : args.get(0);
  }
}
