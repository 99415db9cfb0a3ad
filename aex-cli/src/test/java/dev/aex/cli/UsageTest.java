package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.em.EmOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option parsing and validation of every command: exit status 2, and nothing is opened. */
class UsageTest {
  @TempDir Path dir;

  private final FakeDeployment fake = new FakeDeployment();

  private CliRun run(String... args) {
    return CliRun.run(dir, fake, args);
  }

  private void assertUsageError(CliRun run, String message) {
    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("Usage: aex");
    assertThat(run.out()).isEmpty();
    assertThat(fake.opened).as("a usage error opens nothing").isNull();
  }

  @Test
  void helpListsEveryCommandAndTheExitStatuses() {
    CliRun run = run("--help");
    assertThat(run.status()).isZero();
    for (String command : List.of("build", "deploy", "attest", "connect", "register", "call",
        "output", "request", "disable", "update", "reset", "status", "em", "up", "demo")) {
      assertThat(run.out()).containsPattern("(?m)^  " + command + " ");
    }
    assertThat(run.out()).contains("--verbose", "--debug", "--manager", "--timing", "--timeout")
        .contains("2   usage error");
  }

  @Test
  void noCommandIsAUsageError() {
    assertUsageError(run(), "Missing required command");
    assertUsageError(run("--verbose"), "Missing required command");
  }

  @Test
  void unknownCommandSuggestsTheClosest() {
    CliRun run = run("deplyo", "d.json");
    assertUsageError(run, "deplyo");
    assertThat(run.err()).contains("aex deploy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "deploy", "attest", "connect", "register", "call", "output",
      "request", "disable", "update", "reset"})
  void everyDeployerCommandNeedsItsConfig(String command) {
    assertUsageError(run(command), "Missing required parameter: 'CONFIG'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "deploy", "attest", "connect", "register", "call", "output",
      "request", "disable", "update", "reset"})
  void everyCommandHasHelp(String command) {
    CliRun run = run(command, "--help");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: aex " + command).contains("CONFIG");
  }

  @Test
  void eachCommandHasExactlyTheOriginalsOptions() {
    var line = AexCommand.commandLine(new CliContext(System.out, System.err, java.util.Map.of(), dir,
        false, fake));
    var expected = java.util.Map.of(
        "build", List.of("--workspace", "--mode", "--module"),
        "deploy", List.of("--workspace", "--mode", "--result", "--deploy-in-order", "--output",
            "--module"),
        "attest", List.of("--result", "--attest-in-order", "--output", "--module"),
        "connect", List.of("--result", "--connect-in-order", "--output", "--connection"),
        "register", List.of("--result", "--output", "--event"),
        "call", List.of("--module", "--entry", "--arg", "--out"),
        "output", List.of("--connection", "--arg", "--result"),
        "request", List.of("--connection", "--arg", "--result", "--out"),
        "disable", List.of("--module", "--result"),
        "update", List.of("--module", "--result", "--entry", "--output", "--input"));
    for (var entry : expected.entrySet()) {
      var options = line.getSubcommands().get(entry.getKey()).getCommandSpec().options().stream()
          .map(o -> o.longestName())
          .filter(n -> !List.of("--verbose", "--debug", "--manager", "--timing", "--timeout",
              "--help").contains(n))
          .toList();
      assertThat(options).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(entry.getValue());
    }
    // The original's reset has no --result (it writes nothing); aex records the reset.
    assertThat(line.getSubcommands().get("reset").getCommandSpec().options().stream()
        .map(o -> o.longestName()).toList())
        .containsExactlyInAnyOrder("--verbose", "--debug", "--manager", "--timing", "--timeout",
            "--help", "--result");
  }

  /** aex's own global flag: how long each answer may take, before or after the command. */
  @Test
  void timeoutSetsTheDeployersWaitBeforeOrAfterTheCommand() throws Exception {
    try (var in = getClass().getResourceAsStream("/descriptor.json")) {
      java.nio.file.Files.write(dir.resolve("d.json"), in.readAllBytes());
    }
    assertThat(run("--timeout", "7", "attest", "d.json").status()).isZero();
    assertThat(fake.settings.timeout()).isEqualTo(java.time.Duration.ofSeconds(7));
    assertThat(run("attest", "d.json", "--timeout", "90").status()).isZero();
    assertThat(fake.settings.timeout()).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(run("attest", "d.json").status()).isZero();
    assertThat(fake.settings.timeout()).isEqualTo(dev.aex.deployer.DeployerSettings.DEFAULT_TIMEOUT);
  }

  @Test
  void aTimeoutThatIsNoNumberOfSecondsIsAUsageError() {
    assertUsageError(run("--timeout", "0", "attest", "d.json"),
        "'0' is not a number of seconds from 1 to 3600");
    assertUsageError(run("attest", "d.json", "--timeout", "soon"),
        "'soon' is not a number of seconds from 1 to 3600");
  }

  @Test
  void requiredOptions() {
    assertUsageError(run("call", "d.json", "--entry", "e"), "--module");
    assertUsageError(run("call", "d.json", "--module", "m"), "--entry");
    assertUsageError(run("output", "d.json"), "--connection");
    assertUsageError(run("request", "d.json"), "--connection");
    assertUsageError(run("disable", "d.json"), "--module");
    assertUsageError(run("update", "d.json"), "--module");
    assertUsageError(run("update", "d.json", "--module", "a", "--module", "b", "--entry", "e",
        "--output", "o", "--input", "i"), "A state transfer (--entry, --output, --input) moves"
        + " the state of one module: give one --module");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xyz", "abc", "0g", "be ef z", "g0", "b e e f", "be e", "٠١"})
  void badHexIsAUsageError(String hex) {
    assertUsageError(run("call", "d.json", "--module", "m", "--entry", "e", "--arg=" + hex),
        "Invalid value for option '--arg'");
    assertUsageError(run("output", "d.json", "--connection", "c", "--arg=" + hex),
        "Invalid value for option '--arg'");
    assertUsageError(run("request", "d.json", "--connection", "c", "--arg=" + hex),
        "Invalid value for option '--arg'");
  }

  @Test
  void badHexSaysWhereAndWhatIsExpected() {
    assertUsageError(run("output", "d.json", "--connection", "c", "--arg", "be e f"),
        "'be e f' is not hex: ' ' at position 4 is not a digit of a byte (expected pairs of digits"
            + " 0-9 and a-f, e.g. beef or \"be ef\")");
    assertUsageError(run("output", "d.json", "--connection", "c", "--arg", "bee"),
        "'bee' is not hex: odd number of digits");
  }

  @Test
  void anAmbiguousAbbreviationIsAUsageErrorThatNamesTheCandidates() {
    // As the original's argparse: --conn could be --connection or --connect-in-order.
    CliRun run = run("connect", "d.json", "--conn", "x");
    assertUsageError(run, "aex connect: error: '--conn' is not unique");
    assertThat(run.err()).contains("--connection").contains("--connect-in-order");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy", "attest", "connect", "register"})
  void badOutputFormatHasTheOriginalsMessage(String command) {
    assertUsageError(run(command, "d.json", "--output", "xml"),
        "Bad deployment descriptor type: xml");
  }

  @Test
  void badModeHasTheOriginalsMessage() {
    assertUsageError(run("deploy", "d.json", "--mode", "fast"), "Bad BuildMode: fast");
    assertUsageError(run("build", "d.json", "--mode", "fast"), "Bad BuildMode: fast");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--entry=e", "--output=o", "--input=i", "--entry=e --output=o",
      "--entry=e --input=i", "--output=o --input=i"})
  void updateStateTransferIsAllOrNone(String options) {
    String[] given = options.split(" ");
    String[] args = new String[3 + given.length];
    args[0] = "update";
    args[1] = "d.json";
    args[2] = "--module=db";
    System.arraycopy(given, 0, args, 3, given.length);
    assertUsageError(run(args), "Required either none or all: [--entry, --output, --input]");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertUsageError(run("attest", "d.json", "--attest-in-ordre"), "--attest-in-ordre");
    // connect selects by name only, as the original; --connection-id does not exist.
    assertUsageError(run("connect", "d.json", "--connection-id", "3"), "--connection-id");
  }

  @Test
  void emHelpIsTheEventManagersOwn() {
    CliRun run = run("em", "--help");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo(EmOptions.usage());
  }

  @Test
  void managerBeforeEmIsRefusedAsForEveryCommand() {
    CliRun run = run("--manager", "em", "--port", "0");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: --manager: the attestation manager is not supported");
  }

  @Test
  void emUsageErrorIsTheEventManagersOwn() {
    CliRun run = run("em", "--bogus");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("aex em: unknown option: --bogus").contains("usage: aex em");
    run = run("em", "--port", "0");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--port");
  }

  @Test
  void upNeedsADescriptor() {
    assertUsageError(run("up"), "DESCRIPTOR");
    assertUsageError(run("up", "d.json", "--bogus"), "--bogus");
    assertUsageError(run("demo", "--web-port", "x"), "--web-port");
  }
}
