package dev.aex.cli;

import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex attest}: attests the deployed modules not attested yet, then writes the result. */
@Command(name = "attest", description = "Attest the deployed modules that are not attested yet.")
final class AttestCommand extends DeployerCommand {
  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG.")
  Optional<String> result;

  @Option(names = "--attest-in-order",
      description = "Attest one module at a time, in descriptor order (default: concurrently).")
  boolean inOrder;

  @Option(names = "--output", paramLabel = "FORMAT", converter = Converters.Format.class,
      description = "Result format, json or yaml (default: the input's).")
  Optional<DescriptorFormat> output;

  @Option(names = "--module", paramLabel = "NAME", description = "Attest only this module.")
  Optional<String> module;

  @Override
  boolean writesResult() {
    return true;
  }

  @Override
  Optional<String> resultOption() {
    return result;
  }

  @Override
  Optional<DescriptorFormat> outputFormat() {
    return output;
  }

  @Override
  void run(Session session) throws Exception {
    session.attest(select(module, inOrder));
  }
}
