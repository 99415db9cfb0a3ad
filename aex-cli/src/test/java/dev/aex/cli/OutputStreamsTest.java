package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes to stdout and stderr (deployer-reference.md §1.1): timing lines on stdout, log lines
 * {@code LEVEL: message} on stderr by level, responses, errors with and without --debug, progress
 * on a terminal only.
 */
class OutputStreamsTest {
  @TempDir Path dir;

  private final FakeDeployment fake = new FakeDeployment();

  @BeforeEach
  void descriptor() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/descriptor.json")) {
      Files.write(dir.resolve("d.json"), in.readAllBytes());
    }
  }

  private CliRun run(String... args) {
    return CliRun.run(dir, fake, args);
  }

  @Test
  void timingLineFormat() {
    assertThat(CliListener.timingLine("Deploy time for db", Duration.ofMillis(412)))
        .isEqualTo("Deploy time for db: 0.412");
    assertThat(CliListener.timingLine("Call time for db:5", Duration.ofNanos(1_234_567_891L)))
        .isEqualTo("Call time for db:5: 1.235");
    assertThat(CliListener.timingLine("Establish time for c", Duration.ZERO))
        .isEqualTo("Establish time for c: 0.000");
  }

  @Test
  void timingGoesToStdoutOnlyWithTheFlag() {
    CliRun run = run("--timing", "attest", "d.json");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("Attest time for db: 0.412\n");
    assertThat(run.err()).isEmpty();
    assertThat(run("attest", "d.json").out()).isEmpty();
  }

  @Test
  void globalFlagsAlsoWorkAfterTheCommand() {
    CliRun run = run("attest", "d.json", "--timing", "--verbose");
    assertThat(run.out()).isEqualTo("Attest time for db: 0.412\n");
    assertThat(run.err()).contains("INFO: doing attest all");
  }

  @Test
  void logLevels() {
    assertThat(run("connect", "d.json").err()).isEmpty();
    CliRun verbose = run("--verbose", "connect", "d.json");
    assertThat(verbose.err()).isEqualTo("INFO: doing connect all\n");
    CliRun debug = run("--debug", "connect", "d.json", "--connection", "init", "--connect-in-order");
    assertThat(debug.err()).contains("INFO: doing connect init in-order")
        .contains("DEBUG: connect connect init in-order: started")
        .contains("DEBUG: Establish time for c: 0.412")
        .contains("DEBUG: Wrote ");
  }

  @Test
  void warningsShowByDefault() {
    SessionOpener warns = (file, settings) -> {
      settings.listener().warning("connection c uses the legacy AES suite");
      return fake.open(file, settings);
    };
    CliRun run = CliRun.run(dir, warns, "attest", "d.json");
    assertThat(run.err()).isEqualTo("WARNING: connection c uses the legacy AES suite\n");
  }

  @Test
  void javaLoggingOfTheLibrariesUsesTheSameFormatAndLevel() {
    Logger logger = Logger.getLogger("dev.aex.deployer.test");
    SessionOpener logs = (file, settings) -> {
      logger.warning("something odd");
      logger.info("something normal");
      logger.fine("something detailed");
      return fake.open(file, settings);
    };
    assertThat(CliRun.run(dir, logs, "attest", "d.json").err())
        .isEqualTo("WARNING: something odd\n");
    assertThat(CliRun.run(dir, logs, "--debug", "attest", "d.json").err())
        .contains("WARNING: something odd\n", "INFO: something normal\n",
            "DEBUG: something detailed\n");
  }

  @Test
  void callResponseIsLoggedAtInfoOrWrittenRaw() throws IOException {
    fake.response = HexFormat.of().parseHex("00ff10");
    assertThat(run("call", "d.json", "--module", "db", "--entry", "get").err()).isEmpty();
    assertThat(run("--verbose", "call", "d.json", "--module", "db", "--entry", "get").err())
        .isEqualTo("INFO: Response: \"00ff10\"\n");
    CliRun out = run("call", "d.json", "--module", "db", "--entry", "get", "--out", "r.bin");
    assertThat(out.status()).isZero();
    assertThat(out.out()).isEmpty();
    assertThat(Files.readAllBytes(dir.resolve("r.bin"))).isEqualTo(fake.response);
  }

  @Test
  void requestResponseIsLoggedAtInfoOrWrittenRaw() throws IOException {
    fake.response = new byte[] {0, 0, 0, 2};
    assertThat(run("--verbose", "request", "d.json", "--connection", "get", "--arg", "01").err())
        .endsWith("INFO: Response: \"00000002\"\n");
    assertThat(run("request", "d.json", "--connection", "get", "--out", "cert.der").status())
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("cert.der"))).containsExactly(0, 0, 0, 2);
  }

  @Test
  void errorsAreOneLineWithoutDebugAndHaveTheStackWithIt() {
    fake.failWith = "call db: entry \"nope\": no such entry (entries: get, init)";
    CliRun run = run("call", "d.json", "--module", "db", "--entry", "nope");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: " + fake.failWith + "\n");
    CliRun debug = run("call", "d.json", "--module", "db", "--entry", "nope", "--debug");
    assertThat(debug.status()).isEqualTo(1);
    assertThat(debug.err()).contains("ERROR: " + fake.failWith + "\n")
        .contains("dev.aex.deployer.DeployerException").contains("\tat ");
    CliRun debugFirst = run("--debug", "call", "d.json", "--module", "db", "--entry", "nope");
    assertThat(debugFirst.err()).contains("\tat ");
  }

  @Test
  void unexpectedExceptionsSayHowToSeeMore() {
    SessionOpener broken = (file, settings) -> {
      throw new IllegalStateException("boom");
    };
    CliRun run = CliRun.run(dir, broken, "attest", "d.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        "ERROR: internal error: java.lang.IllegalStateException: boom (run with --debug for the"
            + " stack trace)\n");
  }

  @Test
  void progressOnlyOnATerminal() {
    CliRun terminal = CliRun.run(dir, fake, true, "attest", "d.json");
    assertThat(terminal.err()).isEqualTo("aex: attest attest all ...\n");
    assertThat(CliRun.run(dir, fake, false, "attest", "d.json").err()).isEmpty();
    // With --verbose the INFO lines say it already.
    assertThat(CliRun.run(dir, fake, true, "--verbose", "attest", "d.json").err())
        .doesNotContain("aex: attest");
  }
}
