package dev.aex.em.internal;

import dev.aex.em.ModuleInfo;
import dev.aex.em.internal.loader.ModuleLoader;
import dev.aex.em.internal.loader.ModuleTable;
import dev.aex.em.internal.loader.WorkFolder;
import dev.aex.em.internal.periodic.PeriodicTasks;
import dev.aex.em.internal.routing.Delivery;
import dev.aex.em.internal.routing.EventRouter;
import dev.aex.em.internal.routing.RouteTable;
import dev.aex.em.internal.server.Listener;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One running event manager: its parts wired together, Reset and shutdown. */
public final class Node implements AutoCloseable {
  private static final Logger LOG = System.getLogger(Node.class.getName());
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final Path folder;
  private final RouteTable routes;
  private final Delivery delivery;
  private final ModuleTable modules;
  private final PeriodicTasks periodic;
  private final AtomicBoolean closed = new AtomicBoolean();
  private Listener listener; // set once in start, before any command is accepted

  private Node(Path folder, RouteTable routes, Delivery delivery, ModuleTable modules, PeriodicTasks periodic) {
    this.folder = folder;
    this.routes = routes;
    this.delivery = delivery;
    this.modules = modules;
    this.periodic = periodic;
  }

  /**
   * Creates the temporary folder, binds the port and starts accepting.
   *
   * @throws IOException if the folder cannot be created or the port not bound
   */
  public static Node start(Settings settings) throws IOException {
    EmLogging.setLevel(settings.logLevel());
    Path folder = WorkFolder.create(settings.workDirectory());
    AtomicInteger port = new AtomicInteger();
    RouteTable routes = new RouteTable();
    Delivery delivery = new Delivery(settings, port::get, folder);
    ModuleTable modules = new ModuleTable(id -> delivery.modulePort(id).ifPresent(delivery::forgetModule));
    Duration replyWait = settings.timeouts().module().plus(settings.timeouts().laneWait());
    EventRouter events = new EventRouter(routes, delivery, replyWait,
        settings.routeToUnloadedModules() ? id -> true : modules::serves);
    PeriodicTasks periodic = new PeriodicTasks(settings.periodicTasks(), events::periodicCall);
    Node node = new Node(folder, routes, delivery, modules, periodic);
    ModuleLoader loader = new ModuleLoader(modules, folder, port::get, settings.timeouts().load(),
        settings.sgx(), ModuleLoader.systemPath());
    try {
      node.listener = Listener.bind(new Dispatcher(routes, events, loader, periodic, node::reset), settings);
    } catch (IOException e) {
      node.close();
      throw e;
    }
    port.set(node.listener.port());
    node.listener.start();
    LOG.log(Level.INFO, "event manager listening on {0}:{1}; periodic tasks {2}; modules in {3}",
        settings.host().getHostAddress(), String.valueOf(port.get()),
        settings.periodicTasks() ? "on" : "off", folder);
    loader.startupWarning().ifPresent(warning -> LOG.log(Level.WARNING, warning));
    return node;
  }

  public int port() {
    return listener.port();
  }

  public List<ModuleInfo> modules() {
    return modules.snapshot();
  }

  /**
   * Reset (protocol.md §1.6.5), but complete: routes, periodic tasks, queued events, kept module
   * connections, every module this event manager started (and their files), and the load
   * counter.
   */
  void reset() {
    periodic.clear();
    routes.clear();
    delivery.reset();
    int stopped = modules.snapshot().size();
    modules.stopAll(STOP_WAIT);
    LOG.log(Level.INFO, "Reset: routes, periodic tasks and queued events cleared; {0} module(s) stopped",
        String.valueOf(stopped));
  }

  /** Stops accepting, stops every module and deletes the temporary folder. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (listener != null) {
      listener.close();
    }
    periodic.close();
    delivery.close();
    modules.stopAll(STOP_WAIT);
    WorkFolder.delete(folder);
    if (listener != null) { // one that could not listen never started
      LOG.log(Level.INFO, "event manager stopped");
    }
  }
}
