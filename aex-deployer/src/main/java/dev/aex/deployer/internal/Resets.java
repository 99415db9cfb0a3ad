package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.SancusNode;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Reset;
import java.util.ArrayList;
import java.util.List;

/**
 * reset (deployer-reference.md §5.3): disable every attested module, then Reset every node. Unlike
 * the original, the result then says what is true: the modules of a node that was reset are no
 * longer deployed, and their connections and events no longer established, so the same result
 * file can be deployed again.
 */
final class Resets {
  private Resets() {}

  static void reset(Context ctx) throws DeployerException {
    List<DeployerException> failures = new ArrayList<>();
    List<Module> attested = ctx.state().get().modules().stream()
        .filter(m -> m.common().deployed() && m.common().attested()).toList();
    try {
      Parallel.each(attested, false,
          m -> Disables.disable(ctx, ModuleSlot.inState(ctx.state(), m.name())));
    } catch (DeployerException e) {
      // Reset the nodes anyway: it stops the modules, which is what a reset is for.
      failures.add(e);
    }
    try {
      Parallel.each(ctx.state().get().nodes(), false, node -> resetNode(ctx, node));
    } catch (DeployerException e) {
      failures.add(e);
    }
    if (!failures.isEmpty()) {
      DeployerException first = failures.get(0);
      if (failures.size() > 1) {
        first.addSuppressed(failures.get(1));
        throw new DeployerException(first.getMessage() + "\n" + failures.get(1).getMessage(), first);
      }
      throw first;
    }
  }

  private static void resetNode(Context ctx, Node node) throws DeployerException {
    Where where = Where.at("reset", "node", node);
    ResultMessage reply = ctx.em().exchange(where, new Reset().toMessage());
    if (reply.code() != ResultCode.OK) {
      throw where.fail("Reset failed with " + reply.code(), "Check the event manager's log");
    }
    if (node instanceof SancusNode) {
      // Code 4 is Ping on a Sancus node (protocol.md §1.6.5): its modules stay loaded.
      ctx.listener().info("Reset node " + node.name() + ": a Sancus node resets nothing; its"
          + " modules stay deployed (disabled if they were attested)");
      return;
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
  }
}
