package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex connect}: establishes the connections not established yet, then writes the result. */
@Command(name = "connect",
    description = "Establish the connections that are not established yet (keys to both ends).")
final class ConnectCommand extends FormattedCommand {
  @Option(names = "--connect-in-order",
      description = "Establish one connection at a time, in descriptor order"
          + " (default: concurrently).")
  boolean inOrder;

  @Option(names = "--connection", paramLabel = "NAME",
      description = "Establish only this connection (by name).")
  Optional<String> connection;

  @Override
  void run(Session session) throws Exception {
    session.connect(select(connection, inOrder));
  }
}
