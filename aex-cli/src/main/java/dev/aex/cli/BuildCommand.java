package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aex build}: builds the modules (or one) into the workspace's {@code build/}; writes nothing. */
@Command(name = "build", description = "Build the modules of a descriptor (writes no result).")
final class BuildCommand extends DeployerCommand {
  @Mixin BuildOptions build = new BuildOptions();

  @Option(names = "--module", paramLabel = "NAME", description = "Build only this module.")
  Optional<String> module;

  @Override
  Optional<BuildOptions> buildOptions() {
    return Optional.of(build);
  }

  @Override
  void run(Session session) throws Exception {
    session.build(select(module, false));
  }
}
