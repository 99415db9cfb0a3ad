package dev.aex.cli;

import picocli.CommandLine.Command;

/**
 * {@code aex reset}: disables every attested module and resets every node, then records that its
 * modules are no longer deployed (unlike the original, which writes nothing, so that a later
 * {@code deploy} of the same file deploys them again instead of skipping them).
 */
@Command(name = "reset",
    description = "Disable every attested module and reset every node's event manager; record"
        + " the modules as not deployed.")
final class ResetCommand extends RecordingCommand {
  @Override
  void run(Session session) throws Exception {
    session.reset();
  }
}
