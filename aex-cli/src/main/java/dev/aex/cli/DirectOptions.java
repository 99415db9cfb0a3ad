package dev.aex.cli;

import picocli.CommandLine.Option;

/** {@code --connection} and {@code --arg}, the options of output and request. */
final class DirectOptions {
  @Option(names = "--connection", paramLabel = "NAME_OR_ID", required = true,
      description = "The direct connection, by name (or id, when all digits).")
  String connection;

  @Option(names = "--arg", paramLabel = "HEX", converter = Converters.Hex.class,
      description = "The data to send, in hex (default: empty).")
  Converters.HexArgument arg = Converters.HexArgument.EMPTY;
}
