package dev.aex.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code aex} command: the subcommands of the original {@code reactive-tools}
 * (deployer-reference.md §1.4) over {@link dev.aex.deployer.Deployer}, plus {@code aex em}.
 *
 * <p>Exit status: 0 on success, 1 when a command fails (one {@code ERROR:} line, a stack trace
 * only with {@code --debug}), 2 for a usage error (unknown command or option, missing or bad
 * value). Use {@link #commandLine(CliContext)} to get a ready {@link CommandLine}; {@link Main}
 * is the entry point.
 */
@Command(
    name = "aex",
    mixinStandardHelpOptions = true,
    versionProvider = AexCommand.Version.class,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
        "Build, deploy, attest and connect Authentic Execution applications, and talk to them.",
        "Global flags go before the command (as in reactive-tools) or after it."
    },
    subcommands = {
        BuildCommand.class,
        DeployCommand.class,
        AttestCommand.class,
        ConnectCommand.class,
        RegisterCommand.class,
        CallCommand.class,
        OutputCommand.class,
        RequestCommand.class,
        DisableCommand.class,
        UpdateCommand.class,
        ResetCommand.class,
        StatusCommand.class,
        EmCommand.class,
        UpCommand.class,
        DemoCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:success",
        "1:the command failed (the ERROR line says why)",
        "2:usage error: unknown command or option, missing or bad value"
    })
public final class AexCommand implements Callable<Integer> {
  @Mixin GlobalOptions global = new GlobalOptions();

  @Spec CommandSpec spec;

  private final CliContext context;

  /**
   * What to print if the process is interrupted while the command runs (null: nothing); until a
   * command begins, that it had not begun.
   */
  volatile String interruptNote = "aex: interrupted before the command began";

  /** Whether --debug was given before or after the command (set once the command runs). */
  volatile boolean debug;

  AexCommand(CliContext context) {
    this.context = context;
  }

  /** A command line for one run in {@code context}, with aex's error handling installed. */
  static CommandLine commandLine(CliContext context) {
    return commandLine(new AexCommand(context));
  }

  /** A command line that runs {@code top}, with aex's error handling installed. */
  static CommandLine commandLine(AexCommand top) {
    CliContext context = top.context();
    CommandLine line = new CommandLine(top);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    // The original's argparse takes any unambiguous prefix of an option (--conn for --connection).
    line.setAbbreviatedOptionsAllowed(true);
    line.setOut(new java.io.PrintWriter(context.out(), true));
    line.setErr(new java.io.PrintWriter(context.err(), true));
    line.setExecutionExceptionHandler(new ErrorReporter(top));
    line.setParameterExceptionHandler(new UsageReporter());
    return line;
  }

  CliContext context() {
    return context;
  }

  /**
   * What every subcommand does first: leave what an interruption means to it, merge the global
   * flags given before and after it, note --debug for the error handler, and refuse --manager.
   */
  GlobalOptions begin(GlobalOptions afterCommand) throws CliException {
    interruptNote = null;   // each command says what an interruption of it means, if anything
    GlobalOptions flags = GlobalOptions.merge(global, afterCommand);
    debug = flags.debug;
    if (flags.manager) {
      throw new CliException("--manager: the attestation manager is not supported by aex yet;"
          + " run the command without --manager (aex attests the modules itself)");
    }
    return flags;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required command");
  }

  /** The project version, from the jar's manifest when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AexCommand.class.getPackage().getImplementationVersion();
      return new String[] {"aex " + (version == null ? "(development build)" : version)};
    }
  }
}
