package dev.aex.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aex disable}: disables a module. Unlike the original, which drops the module's new nonce,
 * aex records it (in {@code --result} or the input file), so later commands send a fresh nonce.
 */
@Command(name = "disable",
    description = "Disable a module (its connections stop); records the module's nonce.")
final class DisableCommand extends RecordingCommand {
  @Option(names = "--module", paramLabel = "NAME", required = true, description = "The module.")
  String module;

  @Override
  void run(Session session) throws Exception {
    session.disable(module);
  }
}
