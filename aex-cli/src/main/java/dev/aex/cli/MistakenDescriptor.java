package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.DescriptorReader;
import dev.aex.deployer.descriptor.EndpointKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A descriptor given to output or request where the result that {@code aex up} wrote beside it
 * was meant ({@code aex output --connection c app.yaml} after {@code aex up app.yaml}). No
 * connection of a descriptor is established, and the deployer's advice, to connect first, would
 * deploy nothing and turn the descriptor into a result; the error names the result instead.
 */
final class MistakenDescriptor {
  private MistakenDescriptor() {}

  /**
   * What to report for {@code failure}, the deployer's error for {@code connection} of {@code
   * input}: where that connection is direct, to a {@code kind} endpoint (so the deployer failed
   * only because it is not established), and up's result beside {@code input} records it as
   * established, an error that names that result; else {@code failure}.
   */
  static Exception explain(DeployerException failure, Path input, Session session,
      String connection, EndpointKind kind) {
    Optional<Connection> given = session.state().connection(connection);
    if (given.isEmpty() || given.get().established() || !given.get().direct()
        || given.get().target().kind() != kind) {
      return failure;
    }
    Path result = UpBase.defaultResult(input, session.format());
    if (!establishedIn(result, connection)) {
      return failure;
    }
    return new CliException("Connection " + connection + " is not established in " + input
        + ", which is the descriptor: did you mean " + result + ", the result that aex up wrote"
        + " beside it (where " + connection + " is established)?", failure);
  }

  /**
   * For status on {@code input} where nothing is deployed: the result that {@code aex up} wrote
   * beside it, if that records a deployed module (status said "not deployed" for each, and exit 0).
   */
  static Optional<Path> deployedResultBeside(Path input, Session session) {
    if (session.state().modules().stream().anyMatch(m -> m.common().deployed())) {
      return Optional.empty();
    }
    Path result = UpBase.defaultResult(input, session.format());
    return read(result).filter(d -> d.modules().stream().anyMatch(m -> m.common().deployed()))
        .map(d -> result);
  }

  private static boolean establishedIn(Path result, String connection) {
    return read(result).flatMap(d -> d.connection(connection)).map(Connection::established)
        .orElse(false);
  }

  /** The result at {@code path}, if there is a readable one. */
  private static Optional<Descriptor> read(Path path) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DescriptorReader.create().read(path).descriptor());
    } catch (DescriptorException e) {
      return Optional.empty();   // not a result: nothing to point at
    }
  }
}
