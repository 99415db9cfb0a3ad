package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aex disable}: disables a module. Unlike the original, which drops the module's new nonce,
 * aex records it (in {@code --result} or the input file), so later commands send a fresh nonce.
 */
@Command(name = "disable",
    description = "Disable a module (its connections stop); records the module's nonce.")
final class DisableCommand extends DeployerCommand {
  @Option(names = "--module", paramLabel = "NAME", required = true, description = "The module.")
  String module;

  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG (the original ignores it).")
  Optional<String> result;

  @Override
  boolean writesResult() {
    return true;
  }

  @Override
  Optional<String> resultOption() {
    return result;
  }

  @Override
  void run(Session session) throws Exception {
    session.disable(module);
  }
}
