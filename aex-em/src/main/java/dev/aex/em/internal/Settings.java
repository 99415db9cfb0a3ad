package dev.aex.em.internal;

import dev.aex.em.LogLevel;
import dev.aex.em.SgxLoading;
import dev.aex.wire.LoadFormat;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything an event manager is configured with; built and checked by {@code
 * EventManager.Builder}, read by the internals.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param logLevel the level of the {@code dev.aex.em} loggers
 * @param periodicTasks whether registered periodic events run ({@code EM_PERIODIC_TASKS})
 * @param workDirectory where the temporary folder for module executables is created
 * @param peerAddresses maps the address a Connect names to the one this node can reach
 * @param reuseModuleConnections whether to keep connections to modules open between messages (a
 *     module that closes after one message is detected and then gets one connection per message)
 * @param keepPeerConnections whether to keep connections to other event managers open, for those
 *     that answer the aex hello (others always get one connection per command)
 * @param routeToUnloadedModules whether messages may go to module ids this event manager did not
 *     Load (modules started by hand), as the original's do
 * @param maxLoadBytes the largest executable a Load may carry
 * @param timeouts the time limits
 * @param limits the resource limits
 * @param sgx how SGX modules start; empty for a native node
 */
public record Settings(
    InetAddress host,
    int port,
    LogLevel logLevel,
    boolean periodicTasks,
    Path workDirectory,
    UnaryOperator<InetSocketAddress> peerAddresses,
    boolean reuseModuleConnections,
    boolean keepPeerConnections,
    boolean routeToUnloadedModules,
    long maxLoadBytes,
    Timeouts timeouts,
    Limits limits,
    Optional<SgxLoading> sgx) {
  public Settings {
    Objects.requireNonNull(sgx, "sgx");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(peerAddresses, "peerAddresses");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(limits, "limits");
  }

  /** The Load format this node reads: SGX with an {@link #sgx} mode, else native. */
  public LoadFormat loadFormat() {
    return sgx.isPresent() ? LoadFormat.SGX : LoadFormat.NATIVE;
  }

  /**
   * Time limits; each guards one wait, so that no peer, client or module can hold the event
   * manager forever.
   *
   * @param load how long a loaded module may take to listen on its port
   * @param module how long a module may take to answer one message
   * @param peer how long another event manager may take to accept a command or answer a request
   * @param firstCommand how long a new client may wait before its first command
   * @param idle how long a client may wait between two commands on one connection
   * @param frame how long one command may take to arrive, once its first byte has
   * @param loadFrame how long a Load command (a whole executable) may take to arrive
   * @param orderHold how long events on later connections wait for an earlier connection's event
   *     to arrive before they overtake it (see {@code server.Intake})
   * @param laneWait how long a full delivery queue may hold back a new event before it is dropped
   */
  public record Timeouts(
      Duration load,
      Duration module,
      Duration peer,
      Duration firstCommand,
      Duration idle,
      Duration frame,
      Duration loadFrame,
      Duration orderHold,
      Duration laneWait) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofMillis(250),
            Duration.ofSeconds(10));

    public Timeouts withLoad(Duration load) {
      return new Timeouts(load, module, peer, firstCommand, idle, frame, loadFrame, orderHold, laneWait);
    }

    public Timeouts withModule(Duration module) {
      return new Timeouts(load, module, peer, firstCommand, idle, frame, loadFrame, orderHold, laneWait);
    }
  }

  /**
   * Resource limits.
   *
   * @param maxConnections open client connections beyond which new ones are closed at once; each
   *     may hold a frame of up to 64 KiB, so the default's 256 MiB fit the 512 MiB heap that
   *     {@code ./aex em} gives an event manager beside its queued events and a Load
   * @param laneCapacity events that may wait for one destination
   * @param idleModuleConnections idle connections kept open per module
   * @param queuedBytes bytes of events that may wait in all lanes together
   * @param platformClients client connections served on platform threads at once, the rest on
   *     virtual threads: well above the few a node's modules, peers and clients keep open, and
   *     about 7 MiB of thread stacks at most
   */
  public record Limits(
      int maxConnections, int laneCapacity, int idleModuleConnections, int queuedBytes,
      int platformClients) {
    public static final Limits DEFAULT = new Limits(4_096, 10_000, 16, 32 << 20, 64);
  }
}
