package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.ResultSink;
import dev.aex.deployer.Selection;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every deployer subcommand does around its operation (deployer-reference.md §1.3): merge the
 * global flags, set up the log, find the descriptor (relative to {@code --workspace} for build and
 * deploy, as the original reads it after its chdir), open it, run the operation, and record the
 * state after every step in the result file when the command is one that writes it.
 */
abstract class DeployerCommand implements Callable<Integer> {
  /** The --out that means standard output. */
  private static final String STDOUT = "-";

  @ParentCommand AexCommand top;

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global = new GlobalOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "CONFIG",
      description = "The deployment descriptor or result file (JSON or YAML).")
  String config;

  CliContext context;
  CliLog log;
  /** CONFIG as a path, once the command runs. */
  Path configPath;
  ResultFile resultFile;

  /** The operation itself. */
  abstract void run(Session session) throws Exception;

  /** {@code --workspace} and {@code --mode}, which build and deploy have. */
  Optional<BuildOptions> buildOptions() {
    return Optional.empty();
  }

  /** {@code --workspace} of build and deploy; the current folder for the others. */
  private String workspaceOption() {
    return buildOptions().map(options -> options.workspace).orElse(".");
  }

  private BuildMode mode() {
    return buildOptions().map(options -> options.mode).orElse(BuildMode.DEBUG);
  }

  /** Whether the command records the state (in {@code --result} or else the input file). */
  boolean writesResult() {
    return false;
  }

  /**
   * Whether the result is written once more at the end, also when nothing changed, as the
   * original's commands do; a command of aex's own that changes something only now and then
   * (status) writes only what changed, so it never turns a descriptor into a result for nothing.
   */
  boolean savesAtTheEnd() {
    return true;
  }

  /**
   * Whether the command's only save records the counter it takes before it sends, after which it
   * only waits for an answer (output, request): the result's lock is then released at once
   * ({@link CounterSave}), and nothing is saved at the end.
   */
  boolean savesOnlyItsCounter() {
    return false;
  }

  /** {@code --result}, where the command has it. */
  Optional<String> resultOption() {
    return Optional.empty();
  }

  /** {@code --output json|yaml}, where the command has it. */
  Optional<DescriptorFormat> outputFormat() {
    return Optional.empty();
  }

  /** deploy reads {@code --result} relative to the workspace, as the original does after its chdir. */
  boolean resultInWorkspace() {
    return false;
  }

  /** Checks that picocli cannot express; throws a usage error (exit status 2). */
  void validate() {}

  @Override
  public final Integer call() throws Exception {
    validate();
    context = top.context();
    GlobalOptions flags = top.begin(global);
    log = new CliLog(context.err(), flags.logLevel());
    Runnable restoreLogging = log.captureJavaLogging();
    try {
      execute(flags);
    } finally {
      restoreLogging.run();
    }
    return 0;
  }

  private void execute(GlobalOptions flags) throws Exception {
    Path workspace = context.resolve(workspaceOption());
    Path input = isInWorkspace() ? workspace.resolve(config).normalize() : context.resolve(config);
    configPath = input;
    if (isInWorkspace()) {
      requireNotRelativeToHere(workspace, input);
    }
    ResultFile.requireInput(input);
    if (!writesResult()) {
      operate(flags, workspace, input, ResultSink.discard());
      return;
    }
    Path target = resultOption()
        .map(r -> resultInWorkspace() ? workspace.resolve(r).normalize() : context.resolve(r))
        .orElse(input);
    ResultFile.requireWritable(target);
    resultFile = new ResultFile(target, outputFormat(), input, log);
    try (ResultLock lock = ResultLock.acquire(input, target, log)) {
      operate(flags, workspace, input,
          savesOnlyItsCounter() ? new CounterSave(resultFile, lock) : resultFile);
    }
  }

  private void operate(GlobalOptions flags, Path workspace, Path input, ResultSink sink)
      throws Exception {
    top.interruptNote = resultFile == null
        ? "aex " + spec.name() + ": interrupted"
        : "aex " + spec.name() + ": interrupted; " + resultFile.target()
            + " records every step that finished";
    DeployerSettings settings = context.settings(workspace, log, flags)
        .withMode(mode())
        .withResultSink(sink);
    log.debug("Reading " + input);
    Session session = context.opener().open(input, settings);
    if (resultFile != null) {
      resultFile.inputFormat(session::format);
      if (!ResultFile.real(resultFile.target()).equals(ResultFile.real(input))) {
        PreviousResult.requireNoneLost(resultFile.target(), asConfig(workspace,
            resultFile.target()), session.state(), context.opener(), settings, context.program(),
            log);
      }
    }
    run(session);
    if (resultFile != null && savesAtTheEnd() && !savesOnlyItsCounter()) {
      // Also when nothing changed: the original always writes (and --output converts).
      resultFile.save(session.state());
    }
  }

  /**
   * A CONFIG missing from the workspace but present relative to the current folder was given as a
   * path from here, the usual slip with {@code --workspace}: say how to give it.
   */
  private void requireNotRelativeToHere(Path workspace, Path input) throws CliException {
    Path here = context.resolve(config);
    if (Files.isRegularFile(input) || !Files.isRegularFile(here)) {
      return;
    }
    throw new CliException("Input file " + input + " does not exist: " + spec.name() + " reads"
        + " CONFIG" + (resultInWorkspace() ? " (and --result)" : "") + " relative to --workspace "
        + workspaceOption() + ", as the original does; " + config + " is a path from the current"
        + " folder. Give " + asConfig(workspace, here));
  }

  /** {@code file} as this command's CONFIG would name it (build and deploy: from the workspace). */
  private String asConfig(Path workspace, Path file) {
    if (!isInWorkspace()) {
      return file.toString();
    }
    Path root = context.cwd().resolve(workspace).normalize();
    return root.relativize(context.cwd().resolve(file).normalize()).toString();
  }

  /** build and deploy read the descriptor from the workspace. */
  private boolean isInWorkspace() {
    return buildOptions().isPresent();
  }

  static Selection select(Optional<String> name, boolean inOrder) {
    Selection selection = name.map(n -> Selection.of(List.of(n))).orElseGet(Selection::all);
    return inOrder ? selection.inOrder() : selection;
  }

  /**
   * Fails unless {@code --out}'s folder exists: checked before the call or request is sent, since
   * its handler runs and its counter is spent, and a reply that cannot be written is lost.
   */
  void requireOutFolder(Optional<String> out) throws CliException {
    if (out.isPresent() && !out.get().equals(STDOUT)) {
      Path folder = context.resolve(out.get()).toAbsolutePath().getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        throw new CliException("--out " + out.get() + ": no folder " + folder + "; nothing was"
            + " sent");
      }
    }
  }

  /**
   * A response of call or request: raw to {@code --out} ({@code -}: standard output, for a pipe),
   * else logged at INFO as the original.
   */
  void respond(byte[] response, Optional<String> out) throws java.io.IOException {
    if (out.isPresent() && out.get().equals(STDOUT)) {
      context.out().write(response);
      context.out().flush();
    } else if (out.isPresent()) {
      Path file = context.resolve(out.get());
      Files.write(file, response);
      log.info("Response (" + response.length + " bytes) written to " + file);
    } else {
      log.info("Response: \"" + HexFormat.of().formatHex(response) + "\"");
    }
  }
}
