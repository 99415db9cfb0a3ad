package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import dev.aex.deployer.descriptor.DescriptorFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex deploy}: builds and loads the modules not deployed yet, then writes the result. */
@Command(name = "deploy",
    description = "Build and load the modules that are not deployed yet (priority order first).")
final class DeployCommand extends DeployerCommand {
  @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
      description = "Folder of the modules; CONFIG and --result are relative to it"
          + " (default: ${DEFAULT-VALUE}).")
  String workspace;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "debug",
      converter = Converters.Mode.class, description = "debug or release (default: debug).")
  BuildMode mode;

  @Option(names = "--result", paramLabel = "FILE",
      description = "Write the result here (relative to --workspace) instead of over CONFIG.")
  Optional<String> result;

  @Option(names = "--deploy-in-order",
      description = "Deploy one module at a time, in descriptor order (default: concurrently).")
  boolean inOrder;

  @Option(names = "--output", paramLabel = "FORMAT", converter = Converters.Format.class,
      description = "Result format, json or yaml (default: the input's).")
  Optional<DescriptorFormat> output;

  @Option(names = "--module", paramLabel = "NAME", description = "Deploy only this module.")
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
  boolean resultInWorkspace() {
    return true;
  }

  @Override
  BuildMode mode() {
    return mode;
  }

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
    session.deploy(select(module, inOrder));
  }
}
