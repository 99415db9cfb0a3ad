package dev.aex.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aex up DESCRIPTOR}: starts an in-process event manager for every node on this machine
 * where none listens, deploys, attests, connects and registers everything, says what runs and how
 * to use it, and keeps running until Ctrl-C (docs/cli.md).
 */
@Command(name = "up",
    description = {
        "Start an event manager for every node of DESCRIPTOR on this machine that has none,"
            + " then deploy, attest, connect and register everything, print what runs and how to"
            + " use it, and run until Ctrl-C (which stops the event managers started here)."
    })
final class UpCommand extends UpBase {
  @Parameters(index = "0", paramLabel = "DESCRIPTOR",
      description = "The deployment descriptor (JSON or YAML); it is never overwritten.")
  String config;

  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here (default: <name>.result.json or .yaml beside"
          + " DESCRIPTOR).")
  String result;

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "Folder of the modules (default: DESCRIPTOR's folder).")
  String workspace;

  @Option(names = "--no-wait",
      description = "Exit once everything is up, stopping the event managers started here"
          + " (for event managers that run anyway, and for scripts).")
  boolean noWait;

  @Override
  Path descriptor() {
    return context.resolve(config);
  }

  @Override
  String resultOption() {
    return result;
  }

  @Override
  String workspaceOption() {
    return workspace;
  }

  @Override
  String noWaitOption() {
    return "--no-wait";
  }

  @Override
  boolean waits() {
    return !noWait;
  }
}
