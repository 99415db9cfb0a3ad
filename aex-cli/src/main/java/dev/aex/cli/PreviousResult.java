package dev.aex.cli;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.ResultSink;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.DescriptorException;
import dev.aex.deployer.descriptor.DescriptorReader;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.NodeAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The result file that a command is about to replace with the state of another file. If it
 * records modules that still run, it holds the only copy of their keys (to reset, disable or talk
 * to them): replaced, they would run on for good, holding the ports that a new deployment needs.
 * So the command stops first and says what to do.
 */
final class PreviousResult {
  private PreviousResult() {}

  /**
   * For {@code aex up}: throws if {@code result} records a module deployed on one of {@code nodes}
   * that this command did not start. A file that cannot be read as a result is replaced as before.
   */
  static void requireNotLive(Path result, LocalNodes nodes, String program, CliLog log)
      throws CliException {
    Optional<Descriptor> previous = read(result, log);
    if (previous.isEmpty()) {
      return;
    }
    Set<String> running = nodes.entries().stream().filter(e -> e.started().isEmpty())
        .map(e -> key(e.node().address())).collect(Collectors.toSet());
    Set<String> live = previous.get().modules().stream().filter(m -> m.common().deployed())
        .flatMap(m -> previous.get().node(m.common().oldNode()).stream())
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

  /**
   * For the commands that write {@code --result}: throws if {@code result}, which is not the input
   * file, records deployed modules that {@code input} does not record with the same key, and one
   * of them still runs. They are asked as {@code aex status} asks them (a fresh challenge; an
   * original module, which has none, counts as running while its event manager answers), so a
   * result whose modules are gone (their event managers restarted) is replaced as before. {@code
   * asConfig}: the result as this command's CONFIG would name it.
   */
  static void requireNoneLost(Path result, String asConfig, Descriptor input,
      SessionOpener opener, DeployerSettings settings, String program, CliLog log)
      throws CliException, DeployerException, IOException {
    Optional<Descriptor> previous = read(result, log);
    if (previous.isEmpty()) {
      return;
    }
    Map<String, Module> lost = previous.get().modules().stream()
        .filter(m -> m.common().deployed() && !keptIn(input, m))
        .collect(Collectors.toMap(Module::name, Function.identity()));
    if (lost.isEmpty()) {
      return;
    }
    log.info("Checking whether the modules that " + result + " records still run: "
        + String.join(", ", new TreeSet<>(lost.keySet())));
    List<ModuleHealth> health;
    try {
      health = opener.open(result, settings.withResultSink(ResultSink.discard())).health();
    } catch (DescriptorException e) {
      log.debug("Not a result, replaced: " + e.getMessage());
      return;
    }
    Set<String> running = health.stream().filter(h -> lost.containsKey(h.module()))
        .filter(h -> runs(h, previous.get(), lost.get(h.module())))
        .map(h -> where(previous.get(), lost.get(h.module())))
        .collect(Collectors.toCollection(TreeSet::new));
    if (!running.isEmpty()) {
      throw new CliException(result + " records modules that still run, " + String.join(", ",
          running) + ", and holds the only copy of their keys: replacing it with the state of "
          + "the input file would lose them, and they would keep their ports. To go on with that"
          + " deployment, give " + asConfig + " itself as CONFIG; to start over, reset them first ("
          + program + " reset " + result + "); or give another --result");
    }
  }

  private static Optional<Descriptor> read(Path result, CliLog log) {
    if (!Files.isRegularFile(result)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DescriptorReader.create().read(result).descriptor());
    } catch (DescriptorException e) {
      log.debug("Not a result, replaced: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Whether {@code input} records {@code module} deployed where it is, under the same key. */
  private static boolean keptIn(Descriptor input, Module module) {
    return input.module(module.name())
        .filter(m -> m.common().deployed()
            && m.common().oldNode().equals(module.common().oldNode()))
        .filter(m -> m.id().equals(module.id()) && m.key().equals(module.key()))
        .isPresent();
  }

  private static boolean runs(ModuleHealth health, Descriptor previous, Module module) {
    return switch (health) {
      case ModuleHealth.Answers a -> true;
      case ModuleHealth.Refuses r -> true;
      case ModuleHealth.NotChecked n -> previous.node(module.common().oldNode())
          .map(node -> LocalNodes.probe(new InetSocketAddress(node.address().host(),
              node.address().reactivePort())) == LocalNodes.Probe.EVENT_MANAGER)
          .orElse(false);
      case ModuleHealth.NotAnswering n -> false;
      case ModuleHealth.NotDeployed n -> false;
    };
  }

  private static String where(Descriptor previous, Module module) {
    return module.name() + " on " + previous.node(module.common().oldNode())
        .map(node -> node.name() + " (" + key(node.address()) + ")")
        .orElse(module.common().oldNode());
  }

  private static String key(NodeAddress address) {
    return address.host() + ":" + address.reactivePort();
  }
}
