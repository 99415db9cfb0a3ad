package dev.aex.cli;

import dev.aex.deployer.StateTransfer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code aex update}: moves a module to the node its {@code node} field now names, with an optional
 * state transfer, re-keying its connections; then writes the result. Several modules (repeated
 * {@code --module}) are updated together: their connections are established once all run.
 */
@Command(name = "update",
    description = "Redeploy a module (on the node its 'node' field names), optionally transferring"
        + " its state, and re-key its connections. Run it from the workspace the module was"
        + " built in.")
final class UpdateCommand extends RecordingCommand {
  @Option(names = "--module", paramLabel = "NAME", required = true,
      description = "The module; repeat it to update several together (without state transfer),"
          + " e.g. every module of an event manager that restarted.")
  List<String> modules;

  @Option(names = "--entry", paramLabel = "ENTRY",
      description = "State transfer: the old module's entry that emits its state.")
  String entry;

  @Option(names = "--output", paramLabel = "OUTPUT",
      description = "State transfer: the old module's output the state leaves on.")
  String output;

  @Option(names = "--input", paramLabel = "INPUT",
      description = "State transfer: the new module's input that receives it.")
  String input;

  /** The state transfer, when all three options are given; a usage error when only some are. */
  Optional<StateTransfer> transfer() {
    long given = Stream.of(entry, output, input).filter(v -> v != null).count();
    if (given == 0) {
      return Optional.empty();
    }
    if (given < 3) {
      throw new ParameterException(spec.commandLine(),
          "Required either none or all: [--entry, --output, --input]");
    }
    if (modules.size() > 1) {
      throw new ParameterException(spec.commandLine(), "A state transfer (--entry, --output,"
          + " --input) moves the state of one module: give one --module");
    }
    return Optional.of(new StateTransfer(entry, output, input));
  }

  @Override
  void validate() {
    transfer();
  }

  @Override
  void run(Session session) throws Exception {
    session.update(modules, transfer());
  }
}
