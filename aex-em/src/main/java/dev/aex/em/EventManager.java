package dev.aex.em;

import dev.aex.em.internal.Node;
import dev.aex.em.internal.Settings;
import dev.aex.wire.ReadLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The event manager of one node: the untrusted daemon that loads native modules and routes their
 * encrypted events (protocol.md §1, §3.1), wire-compatible with the original SGX/native event
 * manager so that the original deployer, original event managers and original modules talk to it
 * unchanged.
 *
 * <pre>{@code
 * try (EventManager em = EventManager.builder().port(5000).periodicTasks(true).build().start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Every command the original answers gets the original's ResultCode; a malformed or hostile
 *       command ends only its own connection, and the event manager goes on serving everyone else.
 *   <li>The events of one connection, and of consecutive connections from one sender, reach
 *       their destination in the order they arrived, however fast they come; none is dropped
 *       unless its destination is unreachable or its queue stays full (both logged).
 *   <li>Load answers once the module listens on {@code EM_PORT + id}; a module that exits first
 *       gives InternalError, and the log has its exit status and last stderr lines.
 *   <li>Reset and {@link #close} stop every module this event manager started and delete their
 *       files; {@link #close} also deletes its temporary folder.
 * </ul>
 *
 * <p>Not guaranteed: delivery to a module that is down, or order across a restart of a module.
 * The event manager never sees keys and cannot detect tampering; the modules do.
 */
public final class EventManager implements AutoCloseable {
  private final Settings settings;
  private volatile Optional<Node> node = Optional.empty();
  private volatile boolean closed;

  private EventManager(Settings settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this event manager
   * @throws IOException if the port cannot be bound or the temporary folder cannot be created;
   *     the message says which and what to change
   * @throws IllegalStateException if already started or closed
   */
  public synchronized EventManager start() throws IOException {
    if (closed || node.isPresent()) {
      throw new IllegalStateException("event manager already " + (closed ? "closed" : "started")
          + ": build a new one with EventManager.builder()");
    }
    node = Optional.of(Node.start(settings));
    return this;
  }

  /** The port it listens on (the one chosen by the system when built with port 0). */
  public int port() {
    return running().port();
  }

  /** Where clients reach it. */
  public InetSocketAddress address() {
    return new InetSocketAddress(settings.host(), port());
  }

  /** The modules it started through Load, alive or dead, as they are now. */
  public List<ModuleInfo> modules() {
    return running().modules();
  }

  /**
   * Stops accepting, closes client connections, stops every module it started and deletes its
   * temporary folder. Waits a bounded time (a few seconds per module at most). Idempotent.
   */
  @Override
  public synchronized void close() {
    closed = true;
    node.ifPresent(Node::close);
  }

  private Node running() {
    return node.orElseThrow(() -> new IllegalStateException("event manager not started: call start() first"));
  }

  /** Options of an {@link EventManager}; every one has a default. */
  public static final class Builder {
    private InetAddress host = anyAddress();
    private int port = 5000;
    private LogLevel logLevel = LogLevel.INFO;
    private boolean periodicTasks;
    private Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    private UnaryOperator<InetSocketAddress> peerAddresses = UnaryOperator.identity();
    private boolean reuseModuleConnections = true;
    private boolean keepPeerConnections = true;
    private boolean routeToUnloadedModules;
    private long maxLoadBytes = ReadLimits.AEX_EM_MAX_LOAD;
    private Settings.Timeouts timeouts = Settings.Timeouts.DEFAULT;
    private Optional<SgxLoading> sgx = Optional.empty();

    private Builder() {}

    /** Makes this an SGX node whose modules start as {@code loading} says; default native. */
    public Builder sgx(SgxLoading loading) {
      this.sgx = Optional.of(loading);
      return this;
    }

    /** The address to listen on; default all interfaces (0.0.0.0), as the original. */
    public Builder host(InetAddress host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port to listen on, also the base of the module ports ({@code port + module id}); 0 lets
     * the system choose (see {@link #port()}). Default 5000.
     *
     * @throws IllegalArgumentException if not 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 0xffff) {
        throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
      }
      this.port = port;
      return this;
    }

    /** The level of the {@code dev.aex.em} loggers (JVM-wide); default info. */
    public Builder logLevel(LogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /** Whether registered periodic events run, as {@code EM_PERIODIC_TASKS}; default false. */
    public Builder periodicTasks(boolean on) {
      this.periodicTasks = on;
      return this;
    }

    /** Where the temporary folder for module executables goes; default {@code java.io.tmpdir}. */
    public Builder workDirectory(Path directory) {
      this.workDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Translates the address of another event manager, as a Connect names it, into the one to
     * connect to; default unchanged. For nodes behind port forwarding or in containers, where the
     * deployer's view of an address differs from this node's, and for tests.
     */
    public Builder peerAddresses(UnaryOperator<InetSocketAddress> mapping) {
      this.peerAddresses = Objects.requireNonNull(mapping, "mapping");
      return this;
    }

    /**
     * Whether connections to modules stay open between messages; default true. A module that
     * closes after one message (as original modules do) is detected and gets a connection per
     * message; false gives every module one connection per message from the start.
     */
    public Builder reuseModuleConnections(boolean reuse) {
      this.reuseModuleConnections = reuse;
      return this;
    }

    /**
     * Whether connections to other event managers stay open between commands; default true. Only
     * a peer that answers the aex hello gets them (aex-em README, "Kept connections"); original
     * event managers are recognised and get one connection per command.
     * False gives every peer one connection per command, with no hello.
     */
    public Builder keepPeerConnections(boolean keep) {
      this.keepPeerConnections = keep;
      return this;
    }

    /**
     * Whether events, calls and requests may go to module ids this event manager did not Load
     * (modules started by hand beside it), as the original's do; default false. Off, a client
     * cannot make the event manager send its bytes to any loopback port above its own (EM_PORT +
     * id) and relay the answer; messages to an id it did not Load are refused, as to a module that
     * died.
     */
    public Builder routeToUnloadedModules(boolean route) {
      this.routeToUnloadedModules = route;
      return this;
    }

    /**
     * The largest executable a Load may carry; default 64 MiB. The length is checked before
     * anything is read.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxLoadBytes(long max) {
      if (max <= 0) {
        throw new IllegalArgumentException("max load bytes: " + max + " (expected: > 0)");
      }
      this.maxLoadBytes = max;
      return this;
    }

    /** How long a loaded module may take to listen before Load fails; default 30 s. */
    public Builder loadTimeout(Duration timeout) {
      this.timeouts = timeouts.withLoad(positive(timeout, "load timeout"));
      return this;
    }

    /** How long a module may take to answer one message; default 30 s. */
    public Builder moduleTimeout(Duration timeout) {
      this.timeouts = timeouts.withModule(positive(timeout, "module timeout"));
      return this;
    }

    /** An event manager with these options, not yet started. */
    public EventManager build() {
      return new EventManager(new Settings(host, port, logLevel, periodicTasks, workDirectory,
          peerAddresses, reuseModuleConnections, keepPeerConnections, routeToUnloadedModules,
          maxLoadBytes, timeouts,
          Settings.Limits.DEFAULT, sgx));
    }

    private static Duration positive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
      }
      return value;
    }

    private static InetAddress anyAddress() {
      return new InetSocketAddress(0).getAddress();
    }
  }
}
