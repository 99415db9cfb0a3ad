package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aex request}: sends a request on a direct connection and prints or saves the reply. */
@Command(name = "request",
    description = "Send a request on a direct request-to-handler connection; the response is logged"
        + " at INFO or written to --out.")
final class RequestCommand extends RecordingCommand {
  @Mixin DirectOptions direct = new DirectOptions();

  @Option(names = "--out", paramLabel = "FILE", description = "Write the raw response here.")
  Optional<String> out;

  @Override
  boolean savesOnlyItsCounter() {
    return true;
  }

  @Override
  void run(Session session) throws Exception {
    respond(session.request(direct.connection, direct.arg.bytes()), out);
  }
}
