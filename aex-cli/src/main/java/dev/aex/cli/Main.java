package dev.aex.cli;

import picocli.CommandLine;

/**
 * The entry point of {@code aex} (the {@code ./aex} script runs it). Only this class calls {@link
 * System#exit}: 0 on success, 1 when the command failed, 2 for a usage error.
 */
public final class Main {
  private Main() {}

  /** Runs the command given by {@code args} and exits with its status. */
  public static void main(String[] args) {
    CliContext context = CliContext.system();
    AexCommand top = new AexCommand(context);
    // Ctrl-C: every finished step is already in the result file (written atomically after each
    // one), so there is nothing to undo; say so. aex em prints its own line. Installed before
    // the command line is built, which takes a while of its own.
    Thread interrupted = new Thread(() -> {
      String note = top.interruptNote;
      if (note != null) {
        System.err.println(note);
        System.err.flush();
      }
    }, "aex-interrupted");
    try {
      Runtime.getRuntime().addShutdownHook(interrupted);
    } catch (IllegalStateException e) {
      interrupted.run();   // Ctrl-C came first: the JVM is exiting already
      return;
    }
    CommandLine line = AexCommand.commandLine(top);
    int status = run(context, line, args);
    top.interruptNote = null;
    System.exit(status);
  }

  /** Runs one command in {@code context} and returns its exit status; never exits the JVM. */
  static int run(CliContext context, String... args) {
    return run(context, AexCommand.commandLine(context), args);
  }

  private static int run(CliContext context, CommandLine line, String... args) {
    int status = line.execute(args);
    context.out().flush();
    context.err().flush();
    return status;
  }
}
