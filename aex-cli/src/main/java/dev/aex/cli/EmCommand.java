package dev.aex.cli;

import dev.aex.em.EmMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code aex em}: runs an event manager in this process until Ctrl-C. Its arguments go unchanged to
 * {@link EmMain}, so {@code aex em --help}, its options, variables and exit statuses are exactly
 * those of the event manager (aex-em/README.md).
 */
@Command(name = "em",
    description = "Run an event manager on this machine (aex em --help for its options).")
final class EmCommand implements Callable<Integer> {
  @ParentCommand AexCommand top;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws CliException {
    top.begin(new GlobalOptions()); // --manager is refused here too; the other flags are the CLI's
    CliContext context = top.context();
    return EmMain.run(args, context.env(), context.out(), context.err());
  }
}
