package dev.aex.cli;

import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex register}: registers the periodic events not registered yet, then writes the result. */
@Command(name = "register", description = "Register the periodic events that are not registered yet.")
final class RegisterCommand extends DeployerCommand {
  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG.")
  Optional<String> result;

  @Option(names = "--output", paramLabel = "FORMAT", converter = Converters.Format.class,
      description = "Result format, json or yaml (default: the input's).")
  Optional<DescriptorFormat> output;

  @Option(names = "--event", paramLabel = "NAME", description = "Register only this event.")
  Optional<String> event;

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
    session.register(select(event, false));
  }
}
