package dev.aex.cli;

import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code aex status}: whether what a result file records runs: each node's event manager answers,
 * each deployed aex module answers a fresh challenge under its recorded key, and which connections
 * are established. Exits 1 if a node or a deployed module does not answer. Records the counters
 * the challenges used.
 */
@Command(name = "status",
    description = "Show whether the nodes' event managers and the deployed modules of a result"
        + " answer, and which connections are established; exit status 1 if one does not answer."
        + " Records the counters the challenges use.")
final class StatusCommand extends RecordingCommand {
  /** Only the counters of challenges change: written when one is taken, never otherwise. */
  @Override
  boolean savesAtTheEnd() {
    return false;
  }

  @Override
  void run(Session session) throws Exception {
    Descriptor state = session.state();
    PrintStream out = context.out();
    List<String> silentNodes = printNodes(out, state);
    List<String> silent = new ArrayList<>(silentNodes.stream().map(n -> "node " + n).toList());
    List<ModuleHealth> health = session.health();
    silent.addAll(printModules(out, state, health));
    printConnections(out, state);
    printProblems(out, state, health, silentNodes);
    MistakenDescriptor.deployedResultBeside(configPath, session).ifPresent(result -> out.println(
        "\nNothing of " + UpReport.quote(config) + " is deployed: it is a descriptor. The result"
            + " that aex up wrote beside it: aex status "
            + UpReport.quote(Path.of(config).resolveSibling(result.getFileName()).toString())));
    out.flush();
    if (!silent.isEmpty()) {
      throw new CliException("not running as " + resultFile.target() + " records: "
          + String.join(", ", silent));
    }
  }

  /** The nodes' rows; returns the names of those whose event manager does not answer. */
  private static List<String> printNodes(PrintStream out, Descriptor state) {
    List<String> silent = new ArrayList<>();
    out.println("Nodes");
    for (Node node : state.nodes()) {
      LocalNodes.Probe probe = LocalNodes.probe(
          new InetSocketAddress(node.address().host(), node.address().reactivePort()));
      out.println(Rows.node(node, describe(probe)));
      if (probe != LocalNodes.Probe.EVENT_MANAGER) {
        silent.add(node.name());
      }
    }
    return silent;
  }

  /** The modules' rows; returns those that do not answer. */
  private static List<String> printModules(PrintStream out, Descriptor state,
      List<ModuleHealth> health) {
    out.println();
    out.println("Modules");
    for (ModuleHealth h : health) {
      out.println(Rows.module(state.module(h.module()).orElseThrow(), describe(h)));
    }
    return health.stream().filter(h -> problem(h).isPresent()).map(ModuleHealth::module).toList();
  }

  private static Optional<String> problem(ModuleHealth health) {
    return switch (health) {
      case ModuleHealth.NotAnswering n -> Optional.of(n.problem());
      case ModuleHealth.Refuses r -> Optional.of(r.problem());
      default -> Optional.empty();
    };
  }

  private void printProblems(PrintStream out, Descriptor state, List<ModuleHealth> health,
      List<String> silentNodes) {
    List<String> problems = health.stream().flatMap(h -> problem(h).stream()).toList();
    if (problems.isEmpty()) {
      return;
    }
    out.println();
    out.println("Problems");
    problems.forEach(p -> out.println("  " + p));
    List<Module> gone = health.stream().filter(h -> h instanceof ModuleHealth.NotAnswering)
        .map(h -> state.module(h.module()).orElseThrow()).toList();
    // An update loads a new instance on the module's node: where that event manager does not
    // answer (stopped, stuck), it may still start it late, unrecorded, holding its port.
    List<Module> toUpdate = gone.stream()
        .filter(m -> !silentNodes.contains(m.common().oldNode())).toList();
    if (!toUpdate.isEmpty()) {
      String modules = String.join(" ",
          toUpdate.stream().map(m -> "--module " + m.name()).toList());
      Path cwd = context.cwd();
      out.println("Modules that died, or ran on an event manager that restarted, come back with"
          + " (together, so that their connections are established once all run):\n  "
          + UpdateLine.of(context.program(), cwd, UpdateLine.workspaceOf(toUpdate).orElse(cwd),
              modules, config)
          + "\n(or reset, then deploy, attest and connect again).");
    }
    if (gone.size() > toUpdate.size()) {
      out.println("The event managers of " + String.join(", ", silentNodes) + " do not answer:"
          + " start or resume them first, then run status again (an update now could load a"
          + " module there that a stuck event manager starts late, unrecorded).");
    }
    if (health.stream().anyMatch(h -> h instanceof ModuleHealth.Refuses)) {
      out.println("A module that refuses runs, but " + UpReport.quote(config) + " is not the file"
          + " that last talked to it: use that one (another copy of this file, or the result of"
          + " another deploy).");
    }
  }

  private static String describe(LocalNodes.Probe probe) {
    return switch (probe) {
      case EVENT_MANAGER -> "event manager answers";
      case NOTHING -> "no event manager: nothing listens";
      case TIMEOUT -> "no event manager: no answer within "
          + LocalNodes.PROBE_TIMEOUT.toSeconds() + " s";
      case SILENT -> "accepts connections but answers nothing within "
          + LocalNodes.PROBE_TIMEOUT.toSeconds() + " s: a stopped or busy event manager?";
      case OTHER -> "something that is not an event manager listens";
    };
  }

  private static String describe(ModuleHealth health) {
    return switch (health) {
      case ModuleHealth.Answers a -> "answers under the recorded key";
      case ModuleHealth.NotDeployed n -> "not deployed";
      case ModuleHealth.NotChecked n -> "not checked: " + n.reason();
      case ModuleHealth.NotAnswering n -> "NOT ANSWERING (see Problems)";
      case ModuleHealth.Refuses r -> "runs, but REFUSES this file's challenge (see Problems)";
    };
  }

  /** Connections and periodic events as the result records them (the protocol cannot ask). */
  private static void printConnections(PrintStream out, Descriptor state) {
    if (!state.connections().isEmpty()) {
      out.println();
      out.println("Connections");
      for (Connection c : state.connections()) {
        out.printf("  %-16s %s%n", c.name().orElse("?"),
            c.established() ? "established" : "not established (aex connect)");
      }
    }
    if (!state.periodicEvents().isEmpty()) {
      out.println();
      out.println("Periodic events");
      for (PeriodicEvent e : state.periodicEvents()) {
        out.println(Rows.periodicEvent(e,
            e.established() ? "registered" : "not registered (aex register)"));
      }
    }
  }
}
