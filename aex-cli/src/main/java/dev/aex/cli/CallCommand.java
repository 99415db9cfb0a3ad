package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex call}: calls an entry point of a module (unauthenticated); writes no result. */
@Command(name = "call",
    description = "Call an entry point of a module; the response is logged at INFO or written to --out.")
final class CallCommand extends DeployerCommand {
  @Option(names = "--module", paramLabel = "NAME", required = true, description = "The module.")
  String module;

  @Option(names = "--entry", paramLabel = "NAME_OR_ID", required = true,
      description = "The entry point, by name or number.")
  String entry;

  @Option(names = "--arg", paramLabel = "HEX", converter = Converters.Hex.class,
      description = "The argument, in hex (default: empty).")
  Converters.HexArgument arg = Converters.HexArgument.EMPTY;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the raw response here (- for standard output).")
  Optional<String> out;

  @Override
  void run(Session session) throws Exception {
    requireOutFolder(out);
    respond(session.call(module, entry, arg.bytes()), out);
  }
}
