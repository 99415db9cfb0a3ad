package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex request}: sends a request on a direct connection and prints or saves the reply. */
@Command(name = "request",
    description = "Send a request on a direct request-to-handler connection; the response is logged"
        + " at INFO or written to --out.")
final class RequestCommand extends DeployerCommand {
  @Option(names = "--connection", paramLabel = "NAME_OR_ID", required = true,
      description = "The direct connection, by name (or id, when all digits).")
  String connection;

  @Option(names = "--arg", paramLabel = "HEX", converter = Converters.Hex.class,
      description = "The request's data, in hex (default: empty).")
  Converters.HexArgument arg = Converters.HexArgument.EMPTY;

  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here instead of over CONFIG.")
  Optional<String> result;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the raw response here.")
  Optional<String> out;

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
    respond(session.request(connection, arg.bytes()), out);
  }
}
