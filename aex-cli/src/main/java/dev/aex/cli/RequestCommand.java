package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.EndpointKind;
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

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the raw response here (- for standard output).")
  Optional<String> out;

  @Override
  boolean savesOnlyItsCounter() {
    return true;
  }

  @Override
  void run(Session session) throws Exception {
    requireOutFolder(out);
    byte[] response;
    try {
      response = session.request(direct.connection, direct.arg.bytes());
    } catch (DeployerException e) {
      throw MistakenDescriptor.explain(e, configPath, session, direct.connection,
          EndpointKind.HANDLER);
    }
    respond(response, out);
  }
}
