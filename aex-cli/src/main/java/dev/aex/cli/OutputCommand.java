package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.EndpointKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code aex output}: sends an event on a direct connection (its nonce recorded first); fails when
 * an aex event manager says the module did not take it.
 */
@Command(name = "output", description = "Send an event on a direct output-to-input connection;"
    + " fails if an aex event manager says the module did not take it.")
final class OutputCommand extends RecordingCommand {
  @Mixin DirectOptions direct = new DirectOptions();

  @Override
  boolean savesOnlyItsCounter() {
    return true;
  }

  @Override
  void run(Session session) throws Exception {
    try {
      session.output(direct.connection, direct.arg.bytes());
    } catch (DeployerException e) {
      throw MistakenDescriptor.explain(e, configPath, session, direct.connection,
          EndpointKind.INPUT);
    }
  }
}
