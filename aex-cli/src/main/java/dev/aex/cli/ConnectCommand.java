package dev.aex.cli;

import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex connect}: establishes the connections not established yet, then writes the result. */
@Command(name = "connect",
    description = "Establish the connections that are not established yet (keys to both ends).")
final class ConnectCommand extends DeployerCommand {
  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG.")
  Optional<String> result;

  @Option(names = "--connect-in-order",
      description = "Establish one connection at a time, in descriptor order"
          + " (default: concurrently).")
  boolean inOrder;

  @Option(names = "--output", paramLabel = "FORMAT", converter = Converters.Format.class,
      description = "Result format, json or yaml (default: the input's).")
  Optional<DescriptorFormat> output;

  @Option(names = "--connection", paramLabel = "NAME",
      description = "Establish only this connection (by name).")
  Optional<String> connection;

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
    session.connect(select(connection, inOrder));
  }
}
