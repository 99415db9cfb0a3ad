package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.DeployerSettings;
import dev.aex.deployer.ModuleHealth;
import dev.aex.deployer.Selection;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.PeriodicEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The operations of {@code Deployer}, with the original's selection, gating and ordering rules
 * (deployer-reference.md §1.4): what is already done is skipped, a step whose inputs are not ready
 * is refused with the original's message, and independent items run concurrently unless in order.
 */
public final class Flows {
  private final Context ctx;

  /** {@code descriptorFolder}: where the descriptor that {@code initial} was read from is. */
  public Flows(DeployerSettings settings, Descriptor initial, Path descriptorFolder) {
    this.ctx = Context.of(settings,
        new State(initial, settings.resultSink(), settings.counterLedger()), descriptorFolder);
  }

  public Descriptor state() {
    return ctx.state().get();
  }

  public void build(Selection selection) throws DeployerException {
    List<Module> picked = modules(selection);
    Parallel.each(picked, selection.sequential(),
        m -> Builds.build(ctx, ModuleSlot.inState(ctx.state(), m.name())));
    // As deploy would find, once the modules are built: a build is how a user checks the app.
    Endpoints.requireResolvable(ctx.state().get(), "");
  }

  public void deploy(Selection selection) throws DeployerException {
    List<Module> picked = modules(selection);
    if (!selection.isAll()) {
      for (Module m : picked) {
        if (m.common().deployed()) {
          // The original's words first; then what to do about it.
          throw new DeployerException("Module " + m.name() + " already deployed (the result"
              + " records it as loaded: deploy without --module loads what is missing; to load it"
              + " anew, aex update --module " + m.name() + ")");
        }
      }
    }
    List<Module> todo = picked.stream().filter(m -> !m.common().deployed()).toList();
    List<Module> first = todo.stream().filter(m -> m.common().priority().isPresent())
        .sorted(Comparator.comparing(m -> m.common().priority().orElseThrow())).toList();
    List<Module> rest = todo.stream().filter(m -> m.common().priority().isEmpty()).toList();
    ctx.listener().info("To deploy: " + names(todo));
    if (todo.isEmpty() && !picked.isEmpty()) {
      // Nothing is asked of the nodes: after their event managers restarted, this file's modules
      // are gone, and only status (or the first output) would tell.
      ctx.listener().info("Every module is recorded as deployed already, so nothing was loaded;"
          + " status shows whether they still run");
    }
    // Built first, so that a name the descriptor gets wrong stops the deploy before any Load:
    // the result would otherwise record running modules whose connections can never be made.
    Parallel.each(todo, selection.sequential(),
        m -> Loads.buildIfNeeded(ctx, ModuleSlot.inState(ctx.state(), m.name())));
    Endpoints.requireResolvable(ctx.state().get(), ", so nothing was loaded");
    Parallel.each(first, true, this::deployOne);
    Parallel.each(rest, selection.sequential(), this::deployOne);
  }

  private void deployOne(Module m) throws DeployerException {
    Loads.deploy(ctx, ModuleSlot.inState(ctx.state(), m.name()));
  }

  public void attest(Selection selection) throws DeployerException {
    List<Module> todo = modules(selection).stream().filter(m -> !m.common().attested()).toList();
    List<String> undeployed = todo.stream().filter(m -> !m.common().deployed())
        .map(Module::name).toList();
    if (!undeployed.isEmpty()) {
      throw new DeployerException("One or more modules to attest are not deployed yet: "
          + undeployed + ". Run deploy first");
    }
    ctx.listener().info("To attest: " + names(todo));
    Parallel.each(todo, selection.sequential(),
        m -> Attestation.attest(ctx, ModuleSlot.inState(ctx.state(), m.name())));
  }

  public void connect(Selection selection) throws DeployerException {
    List<Connection> todo = Selections.pick(selection, ctx.state().get().connections(),
        c -> c.name().orElseThrow(), "connection").stream().filter(c -> !c.established()).toList();
    List<String> unattested = new ArrayList<>();
    for (Connection c : todo) {
      c.source().map(s -> s.module()).ifPresent(s -> unattestedInto(s, unattested));
      unattestedInto(c.target().module(), unattested);
    }
    if (!unattested.isEmpty()) {
      throw new DeployerException("One or more modules to connect are not attested yet: "
          + unattested + ". Run attest first");
    }
    ctx.listener().info("To connect: " + todo.stream().map(c -> c.name().orElseThrow()).toList());
    Parallel.each(todo, selection.sequential(), c -> Timer.time(ctx.listener(), "connect",
        c.name().orElseThrow(), "Establish time for " + c.name().orElseThrow(),
        () -> Connections.establishInState(ctx, c)));
  }

  public void register(Selection selection) throws DeployerException {
    List<PeriodicEvent> todo = Selections.pick(selection, ctx.state().get().periodicEvents(),
        e -> e.name().orElseThrow(), "periodic event").stream().filter(e -> !e.established())
        .toList();
    List<String> unattested = new ArrayList<>();
    todo.forEach(e -> unattestedInto(e.module(), unattested));
    if (!unattested.isEmpty()) {
      throw new DeployerException("One or more modules are not attested yet: " + unattested
          + ". Run attest first");
    }
    Parallel.each(todo, selection.sequential(), e -> Calls.register(ctx, e));
  }

  public byte[] call(String module, String entry, byte[] argument) throws DeployerException {
    return Calls.call(ctx, module(module), entry, argument);
  }

  public void output(String connection, byte[] argument) throws DeployerException {
    Direct.output(ctx, connection, argument);
  }

  public byte[] request(String connection, byte[] argument) throws DeployerException {
    return Direct.request(ctx, connection, argument);
  }

  public void disable(String module) throws DeployerException {
    module(module);
    Disables.disable(ctx, ModuleSlot.inState(ctx.state(), module), module);
    // The module dropped its keys: say so, so that connect can establish them again.
    ctx.state().update(d -> d.withConnections(d.connections().stream()
        .map(c -> Modules.involves(c, module) ? Modules.unestablished(c) : c).toList(),
        d.connectionsCurrentId()));
  }

  public void update(List<String> modules, Optional<StateTransfer> transfer)
      throws DeployerException {
    if (modules.isEmpty()) {
      throw new DeployerException("update: no module named; name the modules to update");
    }
    for (String name : modules) {
      module(name);
    }
    Update.update(ctx, List.copyOf(new LinkedHashSet<>(modules)), transfer);
  }

  public void reset() throws DeployerException {
    Resets.reset(ctx);
  }

  public List<ModuleHealth> health() throws DeployerException {
    return Health.of(ctx);
  }

  private Module module(String name) throws DeployerException {
    List<Module> all = ctx.state().get().modules();
    return ctx.state().get().module(name).orElseThrow(() -> new DeployerException(
        "No module with name " + name + Selections.suggestion(name,
            all.stream().map(Module::name).toList())));
  }

  private List<Module> modules(Selection selection) throws DeployerException {
    return Selections.pick(selection, ctx.state().get().modules(), Module::name, "module");
  }

  private void unattestedInto(String module, List<String> out) {
    if (!ctx.state().module(module).common().attested() && !out.contains(module)) {
      out.add(module);
    }
  }

  private static List<String> names(List<Module> modules) {
    return modules.stream().map(Module::name).toList();
  }
}
