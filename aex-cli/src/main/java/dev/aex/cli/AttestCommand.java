package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex attest}: attests the deployed modules not attested yet, then writes the result. */
@Command(name = "attest", description = "Attest the deployed modules that are not attested yet.")
final class AttestCommand extends FormattedCommand {
  @Option(names = "--attest-in-order",
      description = "Attest one module at a time, in descriptor order (default: concurrently).")
  boolean inOrder;

  @Option(names = "--module", paramLabel = "NAME", description = "Attest only this module.")
  Optional<String> module;

  @Override
  void run(Session session) throws Exception {
    session.attest(select(module, inOrder));
  }
}
