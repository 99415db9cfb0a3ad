package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.deployer.BuildMode;
import dev.aex.deployer.descriptor.DescriptorFormat;
import dev.aex.deployer.descriptor.DescriptorWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which file a command reads and writes, in which format (deployer-reference.md §1.3): the input
 * is overwritten unless --result says otherwise; deploy and build read relative to --workspace;
 * build and call write nothing; aex's disable and reset record what they changed.
 */
class ResultWritingTest {
  private static final String ORIGINAL_TEXT;

  static {
    try (InputStream in = ResultWritingTest.class.getResourceAsStream("/descriptor.json")) {
      ORIGINAL_TEXT = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @TempDir Path dir;

  private final FakeDeployment fake = new FakeDeployment();
  private Path input;

  @BeforeEach
  void descriptor() throws IOException {
    input = dir.resolve("descriptor.json");
    Files.writeString(input, ORIGINAL_TEXT);
  }

  private CliRun run(String... args) {
    return CliRun.run(dir, fake, args);
  }

  private String rendered(DescriptorFormat format) {
    return DescriptorWriter.render(fake.state, format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy", "attest", "connect", "register"})
  void statefulCommandsOverwriteTheInputByDefault(String command) throws IOException {
    CliRun run = run(command, "descriptor.json");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(input)).isEqualTo(rendered(DescriptorFormat.JSON))
        .isNotEqualTo(ORIGINAL_TEXT);
    assertThat(fake.calls).containsExactly(command + " all" + (command.equals("deploy") ? " DEBUG" : ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"attest", "connect", "register"})
  void resultAndOutputFormat(String command) throws IOException {
    CliRun run = run(command, "descriptor.json", "--result", "res.yaml", "--output", "YAML");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(Files.readString(input)).isEqualTo(ORIGINAL_TEXT);
    assertThat(Files.readString(dir.resolve("res.yaml"))).isEqualTo(rendered(DescriptorFormat.YAML));
  }

  @Test
  void theInputsFormatIsKeptWithoutOutput() throws IOException {
    Path yaml = dir.resolve("descriptor.yaml");
    Files.writeString(yaml, "nodes:\n  - {type: native, name: n1, host: 127.0.0.1, reactive_port: 5000}\n"
        + "modules:\n  - {type: native, name: db, node: n1}\n");
    assertThat(run("attest", "descriptor.yaml", "--result", "out.txt").status()).isZero();
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo(rendered(DescriptorFormat.YAML));
    assertThat(run("attest", "descriptor.yaml", "--result", "out.txt", "--output", "json").status())
        .isZero();
    assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo(rendered(DescriptorFormat.JSON));
  }

  @Test
  void deployReadsAndWritesRelativeToTheWorkspace() throws IOException {
    Path workspace = Files.createDirectories(dir.resolve("demo"));
    Files.move(input, workspace.resolve("descriptor.json"));
    CliRun run = run("deploy", "--workspace", "demo", "descriptor.json", "--result", "../result.json",
        "--mode", "RELEASE", "--deploy-in-order", "--module", "db");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(fake.opened).isEqualTo(workspace.resolve("descriptor.json"));
    assertThat(fake.settings.workspace()).isEqualTo(workspace);
    assertThat(fake.settings.mode()).isEqualTo(BuildMode.RELEASE);
    assertThat(fake.calls).containsExactly("deploy db in-order RELEASE");
    assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo(rendered(DescriptorFormat.JSON));
    assertThat(Files.readString(workspace.resolve("descriptor.json"))).isEqualTo(ORIGINAL_TEXT);
  }

  @Test
  void otherCommandsReadRelativeToTheCurrentFolder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(sub.resolve("res.json"), ORIGINAL_TEXT);
    CliRun run = run("attest", "sub/res.json", "--result", "sub/out.json");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(fake.opened).isEqualTo(sub.resolve("res.json"));
    assertThat(fake.settings.workspace()).isEqualTo(dir);
    assertThat(sub.resolve("out.json")).exists();
  }

  @Test
  void buildWritesNothing() throws IOException {
    Path workspace = Files.createDirectories(dir.resolve("ws"));
    Files.writeString(workspace.resolve("d.json"), ORIGINAL_TEXT);
    CliRun run = run("build", "d.json", "--workspace", "ws", "--module", "db", "--mode", "release");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(fake.calls).containsExactly("build db RELEASE");
    assertThat(Files.readString(workspace.resolve("d.json"))).isEqualTo(ORIGINAL_TEXT);
    assertThat(workspace.toFile().list()).containsExactly("d.json");
  }

  @Test
  void callWritesNothing() throws IOException {
    assertThat(run("call", "descriptor.json", "--module", "db", "--entry", "5", "--arg", "BEEF")
        .status()).isZero();
    assertThat(fake.calls).containsExactly("call db 5 beef");
    assertThat(Files.readString(input)).isEqualTo(ORIGINAL_TEXT);
    assertThat(dir.toFile().list()).containsExactly("descriptor.json");
  }

  @Test
  void resetRecordsTheResult() throws IOException {
    CliRun run = run("reset", "descriptor.json", "--result", "res.json");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(fake.calls).containsExactly("reset");
    assertThat(Files.readString(dir.resolve("res.json"))).isEqualTo(rendered(DescriptorFormat.JSON));
    assertThat(Files.readString(input)).isEqualTo(ORIGINAL_TEXT);
    assertThat(run("reset", "descriptor.json").status()).isZero();
    assertThat(Files.readString(input)).isEqualTo(rendered(DescriptorFormat.JSON));
  }

  @Test
  void disableRecordsTheNonce() throws IOException {
    CliRun run = run("disable", "descriptor.json", "--module", "db", "--result", "res.json");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(fake.calls).containsExactly("disable db");
    assertThat(Files.readString(dir.resolve("res.json"))).isEqualTo(rendered(DescriptorFormat.JSON));
  }

  @Test
  void outputRequestAndUpdateWriteTheResult() throws IOException {
    assertThat(run("output", "descriptor.json", "--connection", "init", "--arg", "be ef").status())
        .isZero();
    assertThat(run("request", "descriptor.json", "--connection", "2", "--result", "r.json").status())
        .isZero();
    assertThat(run("update", "descriptor.json", "--module", "db", "--entry", "e", "--output", "o",
        "--input", "i").status()).isZero();
    assertThat(run("update", "descriptor.json", "--module", "db", "--module", "web").status())
        .isZero();
    assertThat(fake.calls).containsExactly("output init beef", "request 2 ",
        "update db StateTransfer[entry=e, output=o, input=i]", "update db, web -");
    assertThat(Files.readString(input)).isEqualTo(rendered(DescriptorFormat.JSON));
    assertThat(dir.resolve("r.json")).exists();
  }

  @Test
  void hexArgumentsAndAbbreviatedOptionsAreReadAsTheOriginalReadsThem() {
    // Python's bytes.fromhex skips whitespace between bytes; argparse takes unique prefixes.
    assertThat(run("output", "descriptor.json", "--conn", "init", "--arg", " BE\tef\n").status())
        .isZero();
    assertThat(run("call", "descriptor.json", "--mod", "db", "--ent", "5", "--arg", "").status())
        .isZero();
    assertThat(fake.calls).containsExactly("output init beef", "call db 5 ");
  }

  /**
   * A result that is a symbolic link is written through it, as the original's open() does: the
   * link stays, and the file it names (made if it is not there yet) gets the result, readable by
   * its owner only (it holds keys), also where it was readable by others before.
   */
  @Test
  void aResultThatIsASymbolicLinkIsWrittenThroughTheLink() throws IOException {
    Path target = Files.createDirectory(dir.resolve("keep")).resolve("tgt.json");
    Files.writeString(target, ORIGINAL_TEXT);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("keep/tgt.json"));

    CliRun run = run("connect", "link.json");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(link).isSymbolicLink();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("keep/tgt.json"));
    assertThat(Files.readString(target)).isEqualTo(rendered(DescriptorFormat.JSON));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");

    Path dangling = Files.createSymbolicLink(dir.resolve("res.json"), Path.of("keep/new.json"));
    assertThat(run("connect", "descriptor.json", "--result", "res.json").status()).isZero();
    assertThat(dangling).isSymbolicLink();
    assertThat(Files.readString(dir.resolve("keep/new.json")))
        .isEqualTo(rendered(DescriptorFormat.JSON));
    assertThat(Files.readString(input)).isEqualTo(ORIGINAL_TEXT);
  }

  @Test
  void aResultThatIsALoopOfLinksIsRefusedBeforeAnything() throws IOException {
    Files.createSymbolicLink(dir.resolve("a.json"), Path.of("b.json"));
    Files.createSymbolicLink(dir.resolve("b.json"), Path.of("a.json"));

    CliRun run = run("connect", "descriptor.json", "--result", "a.json");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Cannot write the result to " + dir.resolve("a.json")
        + ": too many levels of symbolic links\n");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void aFailureKeepsWhatTheDeployerSavedAndWritesNothingMore() throws IOException {
    fake.failWith = "deploy db on node1 (127.0.0.1:5000): Load failed: connection refused";
    CliRun run = run("deploy", "descriptor.json", "--result", "res.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: " + fake.failWith + "\n");
    assertThat(dir.resolve("res.json")).doesNotExist();

    fake.saveBeforeFailing = true;
    run = run("deploy", "descriptor.json", "--result", "res.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("res.json"))).isEqualTo(rendered(DescriptorFormat.JSON));
  }

  @Test
  void aMissingInputHasTheOriginalsMessage() {
    CliRun run = run("attest", "nope.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Input file nope.json does not exist\n"
        .replace("nope.json", dir.resolve("nope.json").toString()));
    assertThat(fake.opened).isNull();
  }

  /** CONFIG given from the current folder, not from --workspace: the message says how. */
  @Test
  void aConfigGivenFromHereInsteadOfFromTheWorkspaceSaysHowToGiveIt() throws IOException {
    Files.createDirectories(dir.resolve("app/sub"));
    Files.copy(input, dir.resolve("app/sub/native.json"));
    CliRun run = run("deploy", "--workspace", "app", "app/sub/native.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Input file " + dir.resolve("app/app/sub/native.json")
        + " does not exist: deploy reads CONFIG (and --result) relative to --workspace app, as the"
        + " original does; app/sub/native.json is a path from the current folder. Give"
        + " sub/native.json\n");
    assertThat(fake.opened).isNull();
    assertThat(run("build", "--workspace", "app", "app/sub/native.json").err())
        .contains(": build reads CONFIG relative to --workspace app, as");
  }

  @Test
  void aBadDescriptorPrintsEveryProblem() throws IOException {
    Files.writeString(input, """
        {"nodes": [{"type": "native", "name": "n1", "host": "127.0.0.1", "reactive_port": 70000}],
         "modules": [{"type": "native", "name": "db", "node": "nod1"}]}
        """);
    CliRun run = run("deploy", "descriptor.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: Bad deployment descriptor")
        .contains("reactive_port").contains("nod1").doesNotContain("at dev.aex");
    assertThat(run.err().lines().count()).isGreaterThanOrEqualTo(3);
    assertThat(Files.readString(input)).doesNotContain("\"deployed\"");
  }

  @Test
  void managerIsNotSupported() {
    CliRun run = run("--manager", "attest", "descriptor.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: --manager: the attestation manager is not supported");
    assertThat(fake.opened).isNull();
    assertThat(run("attest", "descriptor.json", "--manager").status()).isEqualTo(1);
  }

  @Test
  void anUnwritableResultIsOneClearError() throws IOException {
    CliRun run = run("deploy", "descriptor.json", "--result", "missing/res.json");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Cannot write the result to "
        + dir.resolve("missing/res.json") + ": folder " + dir.resolve("missing")
        + " does not exist\n");
    assertThat(fake.calls).as("checked before anything is deployed").isEmpty();
  }

  /** A --result that names a folder was found only at the first save, after the build. */
  @Test
  void aResultThatIsAFolderIsRefusedBeforeAnything() throws IOException {
    Files.createDirectory(dir.resolve("resdir"));
    CliRun run = run("deploy", "descriptor.json", "--result", "resdir");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Cannot write the result to " + dir.resolve("resdir")
        + ": it is a folder (give a file, for example " + dir.resolve("resdir/res.json") + ")\n");
    assertThat(fake.calls).isEmpty();
  }

  /** A writable result in a read-only folder: every save makes a new file there, so it fails. */
  @Test
  void aResultInAFolderThatCannotBeWrittenIsRefusedBeforeAnything() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("read-only"));
    Files.writeString(folder.resolve("res.json"), ORIGINAL_TEXT);
    folder.toFile().setWritable(false);
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder),
          "root writes to read-only folders");
      CliRun run = run("deploy", "descriptor.json", "--result", "read-only/res.json");
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("folder " + folder + " is not writable");
      assertThat(fake.calls).isEmpty();
    } finally {
      folder.toFile().setWritable(true);
    }
  }
}
