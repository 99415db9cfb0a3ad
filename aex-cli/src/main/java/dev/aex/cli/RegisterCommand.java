package dev.aex.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aex register}: registers the periodic events not registered yet, then writes the result. */
@Command(name = "register", description = "Register the periodic events that are not registered yet.")
final class RegisterCommand extends FormattedCommand {
  @Option(names = "--event", paramLabel = "NAME", description = "Register only this event.")
  Optional<String> event;

  @Override
  void run(Session session) throws Exception {
    session.register(select(event, false));
  }
}
