package dev.aex.cli;

import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.util.Locale;

/**
 * The lines of the node, module and periodic event tables that {@code aex up} and {@code aex
 * status} print.
 */
final class Rows {
  private Rows() {}

  /** {@code   node1        native    127.0.0.1:5000         <state>}. */
  static String node(Node node, String state) {
    return String.format(Locale.ROOT, "  %-12s %-9s %-22s %s", node.name(),
        node.architecture().toString().toLowerCase(Locale.ROOT),
        node.address().host() + ":" + node.address().reactivePort(), state);
  }

  /** {@code   db               on node1        id 2    port 5002   <state>}. */
  static String module(Module module, String state) {
    String port = module instanceof Module.Listening listening
        ? listening.port().map(p -> "port " + p).orElse("") : "";
    return String.format(Locale.ROOT, "  %-16s on %-12s id %-4s %-10s %s", module.name(),
        module.node(), module.id().map(String::valueOf).orElse("?"), port, state).stripTrailing();
  }

  /** {@code   ticks            db.tick every 500 ms: <state>}. */
  static String periodicEvent(PeriodicEvent e, String state) {
    return String.format(Locale.ROOT, "  %-16s %s.%s every %d ms: %s", e.name().orElse("?"),
        e.module(), e.entry(), e.frequency(), state);
  }
}
