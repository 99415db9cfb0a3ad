package dev.aex.cli;

import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/** A recording subcommand that also chooses the result's format (deploy, attest, connect, register). */
abstract class FormattedCommand extends RecordingCommand {
  @Option(names = "--output", paramLabel = "FORMAT", converter = Converters.Format.class,
      description = "Result format, json or yaml (default: the input's).")
  Optional<DescriptorFormat> output = Optional.empty();

  @Override
  final Optional<DescriptorFormat> outputFormat() {
    return output;
  }
}
