package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex build}: builds the modules (or one) into the workspace's {@code build/}; writes nothing. */
@Command(name = "build", description = "Build the modules of a descriptor (writes no result).")
final class BuildCommand extends DeployerCommand {
  @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
      description = "Folder of the modules; CONFIG is relative to it (default: ${DEFAULT-VALUE}).")
  String workspace;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "debug",
      converter = Converters.Mode.class, description = "debug or release (default: debug).")
  BuildMode mode;

  @Option(names = "--module", paramLabel = "NAME", description = "Build only this module.")
  Optional<String> module;

  @Override
  String workspaceOption() {
    return workspace;
  }

  @Override
  boolean isInWorkspace() {
    return true;
  }

  @Override
  BuildMode mode() {
    return mode;
  }

  @Override
  void run(Session session) throws Exception {
    session.build(select(module, false));
  }
}
