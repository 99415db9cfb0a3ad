package dev.aex.cli;

import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.DescriptorReader;
import dev.aex.deployer.descriptor.NodeAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The result file that {@code aex up} is about to replace. If it records modules deployed on event
 * managers that were running before this command, those modules most likely still run, and the
 * file holds the only copy of their keys (to reset, disable or talk to them): replaced, they would
 * run on for good, holding the ports that the new deployment needs. So up stops first and says
 * what to do.
 */
final class PreviousResult {
  private PreviousResult() {}

  /**
   * Throws if {@code result} records a module deployed on one of {@code nodes} that this command
   * did not start. A file that cannot be read as a result is replaced as before.
   */
  static void requireNotLive(Path result, LocalNodes nodes, String program, CliLog log)
      throws CliException {
    if (!Files.isRegularFile(result)) {
      return;
    }
    Descriptor previous;
    try {
      previous = DescriptorReader.create().read(result).descriptor();
    } catch (DescriptorException e) {
      log.debug("Not a result, replaced: " + e.getMessage());
      return;
    }
    Set<String> running = nodes.entries().stream().filter(e -> e.started().isEmpty())
        .map(e -> key(e.node().address())).collect(Collectors.toSet());
    Set<String> live = previous.modules().stream().filter(m -> m.common().deployed())
        .flatMap(m -> previous.node(m.common().oldNode()).stream())
        .filter(node -> running.contains(key(node.address())))
        .map(node -> node.name() + " (" + key(node.address()) + ")")
        .collect(Collectors.toCollection(TreeSet::new));
    if (!live.isEmpty()) {
      throw new CliException(result + " records modules deployed on " + String.join(", ", live)
          + ", whose event managers are running: replacing it would lose the keys to those"
          + " modules, which keep their ports. Reset them first (" + program + " reset " + result
          + "), or give another --result; if an aex up runs them, Ctrl-C there stops them; if"
          + " those event managers were restarted since, delete the file");
    }
  }

  private static String key(NodeAddress address) {
    return address.host() + ":" + address.reactivePort();
  }
}
