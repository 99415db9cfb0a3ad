package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.SancusNode;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Reset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * reset (deployer-reference.md §5.3): disable every attested module, then Reset every node. Unlike
 * the original, the result then says what is true: the modules of a node that was reset are no
 * longer deployed, and their connections and events no longer established, so the same result
 * file can be deployed again. A module that cannot be disabled is only a warning when its node's
 * reset stopped it (e.g. the event manager was restarted and lost it): a reset is how a user
 * starts over.
 */
final class Resets {
  private Resets() {}

  static void reset(Context ctx) throws DeployerException {
    List<Module> attested = ctx.state().get().modules().stream()
        .filter(m -> m.common().deployed() && m.common().attested()).toList();
    Map<Module, DeployerException> notDisabled = new ConcurrentHashMap<>();
    // Each module on its own: the nodes are reset anyway, which stops the modules.
    Parallel.each(attested, false, m -> {
      try {
        Disables.disable(ctx, ModuleSlot.inState(ctx.state(), m.name()), m.name());
      } catch (DeployerException e) {
        notDisabled.put(m, e);
      }
    });
    Set<String> stopped = ConcurrentHashMap.newKeySet();
    List<DeployerException> failures = new CopyOnWriteArrayList<>();
    Parallel.each(ctx.state().get().nodes(), false, node -> {
      try {
        if (resetNode(ctx, node)) {
          stopped.add(node.name());
        }
      } catch (DeployerException e) {
        failures.add(e);
      }
    });
    notDisabled.forEach((m, e) -> {
      if (stopped.contains(m.common().oldNode())) {
        // A module that could not be disabled (its event manager restarted since, say) was
        // stopped by its node's reset all the same.
        ctx.listener().warning(e.getMessage() + "; its node was reset, which stopped it");
      } else {
        failures.add(e);
      }
    });
    Parallel.throwIfAny(failures);
  }

  /** Resets {@code node}; whether that stopped its modules (a Sancus node resets nothing). */
  private static boolean resetNode(Context ctx, Node node) throws DeployerException {
    Where where = Where.at("reset", "node", node);
    ResultMessage reply = ctx.em().exchange(where, new Reset().toMessage());
    if (reply.code() != ResultCode.OK) {
      throw where.fail("Reset failed with " + reply.code(), "Check the event manager's log");
    }
    if (node instanceof SancusNode) {
      // Code 4 is Ping on a Sancus node (protocol.md §1.6.5): its modules stay loaded.
      ctx.listener().info("Reset node " + node.name() + ": a Sancus node resets nothing; its"
          + " modules stay deployed (disabled if they were attested)");
      return false;
    }
    ctx.state().update(d -> {
      List<String> gone = d.modules().stream()
          .filter(m -> m.common().deployed() && m.common().oldNode().equals(node.name()))
          .map(Module::name).toList();
      return d.withModules(d.modules().stream()
              .map(m -> gone.contains(m.name())
                  ? Modules.attested(Modules.withCommon(m, m.common().withDeployed(false)), false)
                  : m).toList())
          .withConnections(d.connections().stream()
              .map(c -> gone.stream().anyMatch(g -> Modules.involves(c, g))
                  ? Modules.unestablished(c) : c).toList(), d.connectionsCurrentId())
          .withPeriodicEvents(d.periodicEvents().stream()
              .map(e -> gone.contains(e.module()) ? Modules.unregistered(e) : e).toList(),
              d.eventsCurrentId());
    });
    ctx.listener().info("Reset node " + node.name());
    return true;
  }
}
