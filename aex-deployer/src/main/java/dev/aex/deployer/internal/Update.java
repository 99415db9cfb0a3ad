package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.StateTransfer;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import dev.aex.deployer.descriptor.NativeModule;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.PeriodicEvent;
import dev.aex.deployer.descriptor.SgxModule;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.Encryption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * update (deployer-reference.md §5.1): a clone of the module on the node its {@code node} names,
 * with a new id and key, is deployed and attested; the old one is disabled; its state optionally
 * goes to the clone over a temporary {@code __transfer} connection; then every connection of the
 * module is re-established with a fresh key, one at a time, in list order.
 *
 * Last, the periodic events registered for the old instance are registered for the new one (the
 * original leaves them calling the old one). Several modules updated together (aex's own) are
 * each replaced in turn, and their connections established only once all new instances run.
 *
 * <p>The clone replaces the old module in the state as soon as the old one is disabled, with its
 * connections (and periodic events) marked not established, so a failure later leaves a result
 * that {@code connect} (and {@code register}) can complete.
 */
final class Update {
  static final String TRANSFER = "__transfer";
  private static final String REFUSES_CONNECTIONS = "its event manager refuses connections (it"
      + " stopped, and an aex one stops its modules with it)";

  private Update() {}

  /**
   * Updates {@code names} (one, or several without a transfer, as {@link
   * dev.aex.deployer.Deployer} asks): each new instance replaces its old one in turn, then the
   * connections of all of them are established, once all run (a connection between two of them
   * needs both), then their periodic events registered.
   */
  static void update(Context ctx, List<String> names, Optional<StateTransfer> transfer)
      throws DeployerException {
    List<Module> olds = new ArrayList<>();
    for (String name : names) {
      olds.add(checked(ctx, name, transfer));
    }
    String subject = String.join(", ", names);
    Timer.time(ctx.listener(), "update", subject, "Update time for " + subject, () -> {
      List<PeriodicEvent> registered = new ArrayList<>();
      List<String> done = new ArrayList<>();
      for (Module old : olds) {
        try {
          registered.addAll(replace(ctx, old, transfer));
        } catch (DeployerException e) {
          throw done.isEmpty() ? e : new DeployerException(e.getMessage() + ". Updated before: "
              + String.join(", ", done) + ", whose connections are not established yet: update "
              + old.name() + " and the others, then run connect", e);
        }
        done.add(old.name());
      }
      Timer.time(ctx.listener(), "connect", subject, "Connect time for " + subject,
          () -> reConnect(ctx, names, !registered.isEmpty()));
      reRegister(ctx, subject, registered);
      ctx.listener().info("Update complete");
    });
  }

  /** The old instance of {@code name}, once checked that it can be updated as asked. */
  private static Module checked(Context ctx, String name, Optional<StateTransfer> transfer)
      throws DeployerException {
    Module old = ctx.state().module(name);
    if (!old.common().deployed()) {
      throw new DeployerException("update " + name + ": Module is not deployed yet.");
    }
    if (!(old instanceof NativeModule || old instanceof SgxModule) || !ctx.workspace().isAex(old)) {
      throw new DeployerException("update " + name + ": updating " + (old instanceof Module.Listening
          ? "original " : "") + old.architecture().descriptorName() + " modules is not supported"
          + " yet; aex updates its own (Java) native and SGX modules");
    }
    requireFolderHere(ctx, (Module.Listening) old);
    // A wrong transfer name must fail before anything changes: after the old instance is
    // disabled, its state could no longer be saved.
    if (transfer.isPresent()) {
      Endpoints.entry(old, transfer.get().entry());
      Endpoints.id(old, EndpointKind.OUTPUT, EndpointRef.of(transfer.get().output()));
      requireRunning(ctx, old);
    }
    return old;
  }

  /**
   * Builds, loads and attests the new instance of {@code old}, disables the old one and puts the
   * new one in its place in the state (its connections and periodic events not established), then
   * transfers the state if asked. Returns the periodic events that were registered for the old
   * instance.
   */
  private static List<PeriodicEvent> replace(Context ctx, Module old,
      Optional<StateTransfer> transfer) throws DeployerException {
    String name = old.name();
    Module clone = cloneOnTarget(ctx, old);
    ctx.listener().info("Updating " + name + ": new instance " + clone.id().orElseThrow()
        + " on " + clone.node() + " (old: " + old.id().orElseThrow() + " on "
        + old.common().oldNode() + ")");
    ModuleSlot cloneSlot = ModuleSlot.inMemory(clone);
    Path staged = Staging.emptied(ctx.workspace(), name);
    Builds.buildInto(ctx, cloneSlot, staged);
    if (transfer.isPresent()) {
      Endpoints.id(cloneSlot.get(), EndpointKind.INPUT, EndpointRef.of(transfer.get().input()));
    }
    requireWhatTheResultNames(ctx, cloneSlot.get());
    try {
      Loads.deploy(ctx, cloneSlot);
    } catch (DeployerException e) {
      // A Load that failed by a timeout may still be carried out by an event manager that was
      // stuck, once it resumes: that instance is in no result, so say how it goes.
      throw new DeployerException(e.getMessage() + ". The old instance is as the result says;"
          + " should " + clone.node() + "'s event manager still load the new one (a stuck one"
          + " may, once it resumes), it stays loaded but unused until a reset of " + clone.node(),
          e);
    }
    ModuleSlot oldInState = ModuleSlot.inState(ctx.state(), name);
    String unused = "the new one (module " + clone.id().orElseThrow() + " on " + clone.node()
        + ") stays loaded but unused: it has no connections, and its key was not kept. A reset"
        + " of " + clone.node() + " stops it";
    Optional<String> gone;
    try {
      Attestation.attest(ctx, cloneSlot);
      gone = disableOld(ctx, oldInState);
    } catch (DeployerException e) {
      throw new DeployerException(e.getMessage() + ". The old instance still runs as the result"
          + " says; " + unused, e);
    }
    if (gone.isPresent()) {
      replacingAGoneInstance(ctx, old, gone.get(), transfer, unused);
    }
    Module oldNow = oldInState.get();
    Module fresh = cloneSlot.get();
    List<PeriodicEvent> registered = ctx.state().get().periodicEvents().stream()
        .filter(e -> e.module().equals(name) && e.established()).toList();
    ctx.state().update(d -> d.withModules(d.modules().stream()
        .map(m -> m.name().equals(name) ? fresh : m).toList())
        .withConnections(d.connections().stream()
            .map(c -> Modules.involves(c, name) ? Modules.unestablished(c) : c).toList(),
            d.connectionsCurrentId())
        // The event manager calls the old instance's entry; register calls the new one's.
        .withPeriodicEvents(d.periodicEvents().stream()
            .map(e -> e.module().equals(name) ? Modules.unregistered(e) : e).toList(),
            d.eventsCurrentId()));
    ModuleSlot oldSlot = ModuleSlot.inMemory(oldNow);
    ModuleSlot newSlot = ModuleSlot.inState(ctx.state(), name);
    Staging.swap(staged, ctx.workspace().buildDir(name), newSlot);
    if (transfer.isPresent()) {
      transfer(ctx, name, transfer.get(), oldSlot, newSlot);
    }
    return registered;
  }

  /**
   * Re-establishes the modules' connections with fresh keys, in list order. A failure says what
   * the update has done by then, and what is left for connect (and register, for {@code events}
   * of the modules).
   */
  private static void reConnect(Context ctx, List<String> names, boolean events)
      throws DeployerException {
    for (Connection c : ctx.state().get().connections()) {
      if (!involvesAny(c, names)) {
        continue;
      }
      try {
        Connections.establishInState(ctx, c);
      } catch (DeployerException e) {
        List<String> left = ctx.state().get().connections().stream()
            .filter(x -> involvesAny(x, names) && !x.established())
            .map(x -> x.name().orElse("?")).toList();
        String done = names.size() == 1
            ? "The new instance of " + names.get(0) + " runs and the old one is disabled, but these"
                + " of its connections are not established: "
            : "The new instances of " + String.join(", ", names) + " run and the old ones are"
                + " disabled, but these of their connections are not established: ";
        throw new DeployerException(e.getMessage() + ". " + done + String.join(", ", left)
            + ". Run connect" + (events ? ", then register," : "") + " once that is fixed", e);
      }
    }
  }

  private static boolean involvesAny(Connection c, List<String> names) {
    return names.stream().anyMatch(name -> Modules.involves(c, name));
  }

  /**
   * Points the periodic events that called the old instance at the new one. The old instance's
   * event manager goes on calling it (the protocol cannot unregister), cut off from everything.
   */
  private static void reRegister(Context ctx, String name, List<PeriodicEvent> events)
      throws DeployerException {
    for (PeriodicEvent e : events) {
      try {
        Calls.register(ctx, e);
      } catch (DeployerException failure) {
        throw new DeployerException(failure.getMessage() + ". The update of " + name + " is done"
            + " but for its periodic events: run register once that is fixed", failure);
      }
    }
  }

  /**
   * An update builds from this workspace (the CLI's: the current folder), checked before anything
   * changes. When the module's folder is not there but is in the workspace that built the old
   * instance (its recorded build files say which), the user is most likely in the wrong folder:
   * say where to run the update.
   */
  private static void requireFolderHere(Context ctx, Module.Listening old) throws DeployerException {
    Path folder = ctx.workspace().folderOf(old);
    if (Files.isDirectory(folder)) {
      return;
    }
    Optional<Path> builtIn = old.binary().map(Path::of).map(Path::getParent)
        .filter(dir -> dir.endsWith(Path.of("build", old.name())))
        .map(dir -> dir.getParent().getParent())
        .filter(root -> Files.isDirectory(root.resolve(old.folder())));
    if (builtIn.isPresent()) {
      throw new DeployerException("update " + old.name() + ": no module folder " + folder
          + " (field \"folder\", relative to the workspace " + ctx.workspace().root()
          + "). The workspace that built the module, " + builtIn.get() + ", has it: run the"
          + " update from there");
    }
    Builds.checkFolder(ctx, old, folder);
  }

  /**
   * The new build must have every endpoint and entry that the module's connections and periodic
   * events name: they are all established again once the old instance is disabled, which is too
   * late to find a renamed input (the application would be left cut, and its result file
   * unreadable until edited by hand).
   */
  private static void requireWhatTheResultNames(Context ctx, Module clone)
      throws DeployerException {
    List<String> problems = Endpoints.problemsOfReplacement(ctx.state().get(), clone);
    if (!problems.isEmpty()) {
      throw new DeployerException("update " + clone.name() + ": the new build lacks what the"
          + " result file names, so nothing was loaded and the old instance runs on:\n  "
          + String.join("\n  ", problems) + "\nKeep those names in the module, or rename them in"
          + " the result file too, and update again");
    }
  }

  /**
   * A state transfer needs the old instance running: it is asked first (a challenge), so that one
   * that died fails the update before a new instance is built and loaded for nothing.
   */
  private static void requireRunning(Context ctx, Module old) throws DeployerException {
    Challenge challenge;
    try {
      challenge = Challenge.send(ctx, ModuleSlot.inState(ctx.state(), old.name()), "update");
    } catch (DeployerException e) {
      if (EmLink.refused(e)) {
        throw cannotTransfer(old, REFUSES_CONNECTIONS, "nothing was built or loaded");
      }
      throw e;
    }
    if (challenge.notRunning()) {
      throw cannotTransfer(old, answeredInternalError("a challenge"),
          "nothing was built or loaded");
    }
    challenge.check();
  }

  /** What an event manager's InternalError to {@code what} of the old instance tells. */
  private static String answeredInternalError(String what) {
    return "its event manager answered " + what + " with " + ResultCode.INTERNAL_ERROR
        + " (it died, or the event manager restarted)";
  }

  private static String doesNotRun(Module old, String why) {
    return "update " + old.name() + ": the old instance (module " + old.id().orElseThrow()
        + " on " + old.common().oldNode() + ") does not run: " + why;
  }

  /** The old instance as progress lines name it: "the old instance of db (module 3 on node1)". */
  private static String oldInstance(Module old) {
    return "the old instance of " + old.name() + " (module " + old.id().orElseThrow() + " on "
        + old.common().oldNode() + ")";
  }

  /** The old instance does not run ({@code why}), so a transfer cannot save its state. */
  private static DeployerException cannotTransfer(Module old, String why, String changed) {
    return new DeployerException(doesNotRun(old, why) + ", so its state cannot be transferred."
        + " Update without --entry/--output/--input to replace it without its state; " + changed);
  }

  /**
   * Disables the old instance; why it does not run, if its event manager says so (InternalError:
   * it died, or the event manager restarted) or refuses connections (the event manager is gone,
   * and an aex one takes its modules with it).
   */
  private static Optional<String> disableOld(Context ctx, ModuleSlot old)
      throws DeployerException {
    try {
      return Disables.disableIfRunning(ctx, old, oldInstance(old.get())) ? Optional.empty()
          : Optional.of(answeredInternalError("its disable"));
    } catch (DeployerException e) {
      if (EmLink.refused(e)) {
        return Optional.of(REFUSES_CONNECTIONS);
      }
      throw e;
    }
  }

  /**
   * The old instance does not run ({@code why}). Without a state transfer the update replaces
   * it, which is how a module that died comes back, also from a node that is gone; the re-keyed
   * connections cut it off should it run after all (the untrusted event manager may have lied).
   * Its state is gone with it, so a transfer fails.
   */
  private static void replacingAGoneInstance(Context ctx, Module old, String why,
      Optional<StateTransfer> transfer, String unused) throws DeployerException {
    if (transfer.isPresent()) {
      throw cannotTransfer(old, why, unused);
    }
    ctx.listener().warning(doesNotRun(old, why) + "; replacing it. Its connections get new keys,"
        + " which also cuts it off should it run after all");
  }

  private static void transfer(Context ctx, String name, StateTransfer t, ModuleSlot oldSlot,
      ModuleSlot newSlot) throws DeployerException {
    Timer.time(ctx.listener(), "transfer", name, "Transfer time for " + name, () -> {
      // Unlike the original, the transfer connection gets an id of its own (the counter moves
      // on), so no later connection shares its id with the leftover entry in the clone's table.
      int connId = takeConnectionId(ctx);
      Connection c = new Connection(Optional.of(TRANSFER),
          Optional.of(ModuleEndpoint.output(name, EndpointRef.of(t.output()))),
          ModuleEndpoint.input(name, EndpointRef.of(t.input())), Encryption.AES, Optional.empty(),
          Optional.of(connId), 0, false);
      Connections.establish(ctx, c, Suite.SECURE_AES, Optional.of(oldSlot), newSlot);
      DeployerException failure = null;
      try {
        save(ctx, name, t, oldSlot.get());
      } catch (DeployerException e) {
        failure = e;
      }
      // The old instance must not emit again, whether or not the save worked: it holds the
      // transfer key, and its (unauthenticated) entry could otherwise send its stale state into
      // the new instance at any later time. The clone is not disabled (the original does): that
      // could overtake the state event still on its way and drop it; its transfer entry is
      // harmless, since only the disabled old instance holds that key.
      try {
        Disables.disable(ctx, oldSlot, oldInstance(oldSlot.get()) + " again, now that its state is"
            + " sent (it holds the transfer key)");
      } catch (DeployerException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
      if (failure != null) {
        throw failure;
      }
    });
  }

  /** Calls the old instance's save entry, which emits its state on the transfer connection. */
  private static void save(Context ctx, String name, StateTransfer t, Module old)
      throws DeployerException {
    Where where = Where.at("transfer state of", name, ctx.runsOn(old));
    int entry = Endpoints.entry(old, t.entry());
    ResultMessage reply = ctx.em().exchange(where,
        new Call(old.id().orElseThrow(), entry, Bytes.empty()).toMessage());
    if (reply.code() != ResultCode.OK) {
      throw where.fail("entry " + t.entry() + " of the old module failed with " + reply.code(),
          "The new instance runs without the old state (the old one is disabled); its"
              + " connections are not established yet: run connect");
    }
  }

  private static int takeConnectionId(Context ctx) throws DeployerException {
    synchronized (ctx.state()) {
      Set<Integer> taken = ctx.state().get().connections().stream().flatMap(c -> c.id().stream())
          .collect(Collectors.toSet());
      int id = ctx.state().get().connectionsCurrentId();
      while (taken.contains(id)) {
        id++;
      }
      if (id > 0xffff) {
        throw new DeployerException("update: no free connection id left for the state transfer");
      }
      int next = id + 1;
      ctx.state().update(d -> d.withConnections(d.connections(), next));
      return id;
    }
  }

  /** The clone on the module's target node, with the node's next free id (saved at once). */
  private static Module cloneOnTarget(Context ctx, Module old) throws DeployerException {
    synchronized (ctx.state()) {
      // The descriptor's checks put a native or SGX module on a node of its own kind only.
      Node.Counting node = (Node.Counting) ctx.state().nodeOf(old.node());
      Set<Integer> taken = new java.util.HashSet<>();
      for (Module m : ctx.state().get().modules()) {
        // The old instance runs on its old_node; its node field already names the target.
        boolean there = m.common().oldNode().equals(node.name())
            || m.node().equals(node.name()) && !m.name().equals(old.name());
        if (there) {
          m.id().ifPresent(taken::add);
        }
      }
      int id = node.moduleId();
      while (taken.contains(id)) {
        id++;
      }
      int port = node.address().reactivePort() + id;
      if (id > 0xffff || port > 0xffff) {
        throw new DeployerException("update " + old.name() + ": node " + node.name()
            + " has no free module id (port reactive_port + id would exceed 65535)");
      }
      int next = id + 1;
      ctx.state().updateNode(node.name(), n -> ((Node.Counting) n).withModuleId(next));
      return Modules.cloneOf(old, id, port);
    }
  }
}
