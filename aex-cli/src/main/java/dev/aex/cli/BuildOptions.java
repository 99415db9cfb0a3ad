package dev.aex.cli;

import dev.aex.deployer.BuildMode;
import picocli.CommandLine.Option;

/** {@code --workspace} and {@code --mode}, the options of build and deploy. */
final class BuildOptions {
  @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
      description = "Folder of the modules; CONFIG (and deploy's --result) are relative to it"
          + " (default: ${DEFAULT-VALUE}).")
  String workspace = ".";

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "debug",
      converter = Converters.Mode.class, description = "debug or release (default: debug).")
  BuildMode mode = BuildMode.DEBUG;
}
