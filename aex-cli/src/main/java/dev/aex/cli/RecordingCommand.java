package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A deployer subcommand that records the state after every step: in {@code --result FILE}, or else
 * over CONFIG (deployer-reference.md §1.3).
 */
abstract class RecordingCommand extends DeployerCommand {
  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG.")
  Optional<String> result = Optional.empty();

  @Override
  final boolean writesResult() {
    return true;
  }

  @Override
  final Optional<String> resultOption() {
    return result;
  }
}
