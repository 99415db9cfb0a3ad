/**
 * The {@code aex} command (architecture.md §2): the deployer's operations as the subcommands of the
 * original {@code reactive-tools}, plus {@code aex em}. {@code dev.aex.cli.Main} is the entry point.
 *
 * <p>Nothing is exported: the command line is the interface. The package is opened to picocli,
 * which sets the option fields by reflection.
 */
module dev.aex.cli {
  requires dev.aex.deployer;
  requires dev.aex.em;
  requires info.picocli;
  requires java.logging;
  requires java.net.http;

  opens dev.aex.cli to info.picocli;
}
