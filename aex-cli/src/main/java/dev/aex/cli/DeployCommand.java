package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aex deploy}: builds and loads the modules not deployed yet, then writes the result. */
@Command(name = "deploy",
    description = "Build and load the modules that are not deployed yet (priority order first).")
final class DeployCommand extends FormattedCommand {
  @Mixin BuildOptions build = new BuildOptions();

  @Option(names = "--deploy-in-order",
      description = "Deploy one module at a time, in descriptor order (default: concurrently).")
  boolean inOrder;

  @Option(names = "--module", paramLabel = "NAME", description = "Deploy only this module.")
  Optional<String> module;

  @Override
  Optional<BuildOptions> buildOptions() {
    return Optional.of(build);
  }

  @Override
  boolean resultInWorkspace() {
    return true;
  }

  @Override
  void run(Session session) throws Exception {
    session.deploy(select(module, inOrder));
  }
}
