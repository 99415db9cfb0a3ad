package dev.aex.module.runtime;

import dev.aex.module.spi.ModuleDispatch;
import dev.aex.module.spi.ModuleInstance;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.wire.LocalTransport;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A running module: it listens on {@code 127.0.0.1:(emPort + moduleId)} for the Messages of its
 * event manager and answers each with one ResultMessage (protocol.md §2.3, §4; the secure layouts
 * of SECURITY.md §4).
 *
 * <p>Guarantees: every message is authenticated before it changes state or reaches module code;
 * a bad message gets an error code and the module keeps serving; one connection can neither stop
 * nor stall the listener; nothing secret is logged. A module that is not {@code concurrent} sees
 * one call at a time. Not guaranteed: delivery of outputs (the protocol has no acknowledgement),
 * or progress while module code blocks (a non-concurrent module that calls one of its own
 * handlers through a request waits for the request timeout, then continues).
 */
public final class ModuleRuntime implements AutoCloseable {
  private static final Logger LOG = System.getLogger(ModuleRuntime.class.getName());

  private final String name;
  private final EntryServer server;
  private final EmLink em;
  private final CountDownLatch closed = new CountDownLatch(1);

  private ModuleRuntime(String name, EntryServer server, EmLink em) {
    this.name = name;
    this.server = server;
    this.em = em;
  }

  /**
   * Creates the module object and starts listening.
   *
   * @throws ModuleStartException if the module's constructor throws or the port cannot be bound
   */
  public static ModuleRuntime start(Deployment deployment, ModuleDispatch dispatch)
      throws ModuleStartException {
    return start(deployment, dispatch, socketFolder());
  }

  /** As {@link #start(Deployment, ModuleDispatch)}, with the folder of its socket file given. */
  static ModuleRuntime start(Deployment deployment, ModuleDispatch dispatch,
      Optional<Path> socketFolder) throws ModuleStartException {
    ModuleManifest manifest = dispatch.manifest();
    ModuleNames names = new ModuleNames(manifest);
    ConnectionTable table = new ConnectionTable();
    EmLink em = new EmLink(deployment.emPort(), deployment.requestTimeout());
    Ports ports = new Ports(
        new Outputs(table, em, names), new Requests(table, em, deployment.requestTimeout()));
    ModuleInstance instance;
    try {
      instance = dispatch.create(ports);
    } catch (RuntimeException | LinkageError e) {
      throw new ModuleStartException(
          "module " + manifest.name() + ": its constructor threw " + e.getClass().getName() + ": "
              + e.getMessage(),
          e);
    }
    EntryDispatcher dispatcher = dispatcher(deployment, manifest, names, table, instance);
    int port = deployment.modulePort();
    try {
      EntryServer server = EntryServer.start(port, socketFolder, dispatcher, em::flush);
      LOG.log(
          Level.INFO,
          "module {0} (id {1}) listening on 127.0.0.1:{2}{3}",
          manifest.name(),
          Integer.toString(deployment.moduleId()),
          Integer.toString(port),
          deployment.originalControl() ? " (original control layouts and zero-IV AES accepted)"
              : deployment.legacy() ? " (zero-IV AES connections accepted)" : "");
      return new ModuleRuntime(manifest.name(), server, em);
    } catch (IOException e) {
      throw new ModuleStartException(
          "module " + manifest.name() + ": cannot listen on 127.0.0.1:" + port + ": " + e, e);
    }
  }

  /** Where the event manager that started this module wants its socket file, if it is aex. */
  private static Optional<Path> socketFolder() {
    return Optional.ofNullable(System.getenv(LocalTransport.FOLDER_VARIABLE))
        .filter(folder -> !folder.isBlank())
        .map(Path::of);
  }

  static EntryDispatcher dispatcher(Deployment deployment, ModuleManifest manifest,
      ModuleNames names, ConnectionTable table, ModuleInstance instance) {
    ControlChannel control = new ControlChannel(deployment.moduleKey());
    boolean original = deployment.originalControl();
    UserCalls user = new UserCalls(instance, manifest, names);
    return new EntryDispatcher(
        new SetKeyEntry(control, table, deployment.legacy(), original, names),
        new AttestEntry(control, original, deployment.evidence()),
        new DisableEntry(control, table, original, names),
        new EventEntries(table, user),
        user,
        names);
  }

  /** The module's name from its manifest. */
  public String name() {
    return name;
  }

  /** The loopback port the module listens on. */
  public int port() {
    return server.port();
  }

  /** The Unix domain socket file it listens on too, if its event manager asked for one. */
  Optional<Path> socketFile() {
    return server.socketFile();
  }

  /** Blocks until {@link #close} has run. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops listening and closes open connections, waiting at most a few seconds. Idempotent. */
  @Override
  public void close() {
    server.close();
    em.close();
    closed.countDown();
  }
}
