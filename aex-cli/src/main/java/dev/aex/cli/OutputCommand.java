package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex output}: sends an event on a direct connection, then records its nonce. */
@Command(name = "output", description = "Send an event on a direct output-to-input connection.")
final class OutputCommand extends DeployerCommand {
  @Option(names = "--connection", paramLabel = "NAME_OR_ID", required = true,
      description = "The direct connection, by name (or id, when all digits).")
  String connection;

  @Option(names = "--arg", paramLabel = "HEX", converter = Converters.Hex.class,
      description = "The event's data, in hex (default: empty).")
  Converters.HexArgument arg = Converters.HexArgument.EMPTY;

  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG.")
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
    session.output(connection, arg.bytes());
  }
}
