package dev.aex.deployer.internal;

import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.ResultSink;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The deployment's current state, shared by concurrent steps. Every change is saved to the sink
 * at once, under the same lock, so saves happen in change order and the last file written is the
 * latest state.
 */
public final class State {
  private final ResultSink sink;
  private final Counters counters;
  private Descriptor current; // guarded by this

  public State(Descriptor initial, ResultSink sink, CounterLedger ledger) {
    this.current = Objects.requireNonNull(initial, "initial");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.counters = Counters.of(Objects.requireNonNull(ledger, "ledger"));
  }

  /** The counters taken under the keys of this state's result file. */
  Counters counters() {
    return counters;
  }

  public synchronized Descriptor get() {
    return current;
  }

  /** Applies {@code change} and saves the result. */
  public synchronized void update(UnaryOperator<Descriptor> change) throws DeployerException {
    current = change.apply(current);
    try {
      sink.save(current);
    } catch (IOException e) {
      throw new DeployerException("cannot write the result file: " + e.getMessage()
          + ". Check the path and its permissions; the steps so far were done but are not"
          + " recorded", e);
    }
  }

  public Module module(String name) {
    return get().module(name).orElseThrow(() -> new IllegalStateException("no module " + name));
  }

  public Node nodeOf(String nodeName) {
    return get().node(nodeName).orElseThrow(() -> new IllegalStateException("no node " + nodeName));
  }

  public void updateModule(String name, UnaryOperator<Module> change) throws DeployerException {
    update(d -> d.withModules(replace(d.modules(), m -> m.name().equals(name), change)));
  }

  public void updateNode(String name, UnaryOperator<Node> change) throws DeployerException {
    update(d -> d.withNodes(replace(d.nodes(), n -> n.name().equals(name), change)));
  }

  /** Connections are identified by their id, which the planner gave every one. */
  public void updateConnection(int id, UnaryOperator<Connection> change) throws DeployerException {
    update(d -> d.withConnections(
        replace(d.connections(), c -> c.id().equals(java.util.Optional.of(id)), change),
        d.connectionsCurrentId()));
  }

  public void updateEvent(int id, UnaryOperator<PeriodicEvent> change) throws DeployerException {
    update(d -> d.withPeriodicEvents(
        replace(d.periodicEvents(), e -> e.id().equals(java.util.Optional.of(id)), change),
        d.eventsCurrentId()));
  }

  private static <T> List<T> replace(List<T> items, java.util.function.Predicate<T> which,
      UnaryOperator<T> change) {
    List<T> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(which.test(item) ? change.apply(item) : item);
    }
    return out;
  }
}
