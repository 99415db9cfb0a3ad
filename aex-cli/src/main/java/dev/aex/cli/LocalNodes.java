package dev.aex.cli;

import dev.aex.deployer.descriptor.Architecture;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.Node;
import dev.aex.deployer.descriptor.SgxMode;
import dev.aex.deployer.descriptor.SgxNode;
import dev.aex.em.EventManager;
import dev.aex.em.LogLevel;
import dev.aex.em.SgxLoading;
import dev.aex.wire.CommandCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The event managers of a descriptor's nodes, as {@code aex up} finds them: for each node on this
 * machine where nothing listens, an in-process {@link EventManager} started here (periodic tasks
 * on); for every other node, an event manager that must already answer. {@link #close} stops the
 * ones started here (and so their modules), once, whoever calls it first (the command, or its
 * shutdown hook on Ctrl-C).
 */
final class LocalNodes implements AutoCloseable {
  /** How long a probe of a node's port may take. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** One node and its event manager: started here, or found running (here or elsewhere). */
  record Entry(Node node, InetSocketAddress address, Optional<EventManager> started,
      boolean local) {
    String how() {
      return started.isPresent() ? "started here" : local ? "already running" : "running remotely";
    }
  }

  private final List<Entry> entries;
  private final PrintStream err;
  private final String command;
  private boolean closed;

  private LocalNodes(List<Entry> entries, PrintStream err, String command) {
    this.entries = List.copyOf(entries);
    this.err = err;
    this.command = command;
  }

  List<Entry> entries() {
    return entries;
  }

  long startedCount() {
    return entries.stream().filter(e -> e.started().isPresent()).count();
  }

  /**
   * Finds or starts the event manager of every node of {@code state}; on an error stops what it
   * had started already and throws.
   *
   * @param file the descriptor, named in messages
   * @param command the command's name, for the line {@link #close} prints
   */
  static LocalNodes start(Descriptor state, Path file, LogLevel emLog, PrintStream err,
      String command) throws CliException {
    List<Entry> entries = new ArrayList<>();
    try {
      for (Node node : state.nodes()) {
        entries.add(find(state, node, file, emLog));
      }
    } catch (CliException | RuntimeException e) {
      new LocalNodes(entries, err, command).closeQuietly();
      throw e;
    }
    return new LocalNodes(entries, err, command);
  }

  private static Entry find(Descriptor state, Node node, Path file, LogLevel emLog)
      throws CliException {
    String host = node.address().host();
    int port = node.address().reactivePort();
    String where = "node " + node.name() + " (" + host + ":" + port + ")";
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new CliException(where + ": unknown host " + host);
    }
    InetSocketAddress socket = new InetSocketAddress(address, port);
    boolean local = isLocal(address);
    Probe probe = probe(socket);
    if (probe == Probe.EVENT_MANAGER) {
      return new Entry(node, socket, Optional.empty(), local);
    }
    if (probe == Probe.SILENT) {
      throw new CliException(where + ": something accepts connections on port " + port + " but"
          + " does not answer within " + PROBE_TIMEOUT.toSeconds() + " s: an event manager that"
          + " is stopped or busy (resume it, or wait and run this again), or another service"
          + " (stop it, or give " + node.name() + " another reactive_port in " + file + ")");
    }
    if (probe == Probe.OTHER) {
      throw new CliException(where + ": port " + port + " is in use by something that is not an"
          + " event manager (it does not answer as one); stop it, or give " + node.name()
          + " another reactive_port in " + file);
    }
    if (!local) {
      throw new CliException(where + ": no event manager answers ("
          + (probe == Probe.TIMEOUT ? "timed out" : "connection refused or no route") + "), and " + host
          + " is not this machine, so aex up cannot start one: start it there with"
          + " 'aex em --host " + host + " --port " + port + "'");
    }
    if (node.architecture() != Architecture.NATIVE && node.architecture() != Architecture.SGX) {
      throw new CliException(where + ": no event manager listens there, and aex up starts"
          + " event managers for native and sgx nodes only (this one is "
          + node.architecture().toString().toLowerCase(Locale.ROOT)
          + "): start the node's own event manager first");
    }
    if (node.address().deployPort() != port) {
      throw new CliException(where + ": deploy_port " + node.address().deployPort()
          + " differs from reactive_port; an aex event manager listens on one port: start it"
          + " yourself, or remove deploy_port from " + file);
    }
    for (Module module : state.modules()) {
      if (module.common().deployed() && module.common().oldNode().equals(node.name())) {
        throw new CliException("module " + module.name() + " is recorded as deployed on "
            + where + ", but no event manager runs there: " + file + " is the result of an"
            + " earlier run; give aex up the original descriptor");
      }
    }
    EventManager.Builder builder = EventManager.builder().port(port).periodicTasks(true)
        .logLevel(emLog);
    if (!address.isAnyLocalAddress()) {
      builder.host(address);
    }
    if (node instanceof SgxNode sgx) {
      // An sgx node's event manager starts its modules under Gramine, or in the INSECURE
      // simulation when the descriptor says so (the deployer warns about it).
      builder.sgx(sgx.mode() == SgxMode.SIMULATION ? SgxLoading.SIMULATION : SgxLoading.GRAMINE);
    }
    try {
      return new Entry(node, socket, Optional.of(builder.build().start()), true);
    } catch (IOException e) {
      throw new CliException(where + ": cannot start an event manager: " + e.getMessage());
    }
  }

  /** Whether {@code address} is one of this machine's: loopback, wildcard or an interface's. */
  static boolean isLocal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  enum Probe {
    /** Connection refused, or no route. */
    NOTHING,
    /** The connection itself timed out. */
    TIMEOUT,
    EVENT_MANAGER,
    /** It accepted the connection, then said nothing in time: a stopped or busy event manager? */
    SILENT,
    /** An answer that no event manager gives, or a close without one. */
    OTHER
  }

  /**
   * What listens at {@code address}: sends {@link CommandCode#PROBE}, which every event manager
   * (aex's and the original's) answers with IllegalCommand, {@code [1][00 00]} (protocol.md §1.7).
   * The original logs it as a bad command.
   */
  static Probe probe(InetSocketAddress address) {
    int millis = (int) PROBE_TIMEOUT.toMillis();
    try (Socket socket = new Socket()) {
      try {
        socket.connect(address, millis);
      } catch (SocketTimeoutException e) {
        return Probe.TIMEOUT;
      } catch (IOException e) {
        return Probe.NOTHING;   // refused, or no route to the host
      }
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {(byte) CommandCode.PROBE, 0, 0});
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(3);
      // IllegalCommand with an empty payload; a u16-framed reply of any result code will do.
      return reply.length == 3 && (reply[0] & 0xff) <= 7 && reply[1] == 0 && reply[2] == 0
          ? Probe.EVENT_MANAGER : Probe.OTHER;
    } catch (SocketTimeoutException e) {
      return Probe.SILENT;
    } catch (IOException e) {
      return Probe.OTHER;   // it accepted, then reset or closed without an answer
    }
  }

  /** Stops the event managers started here, once; says so on stderr. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    int modules = 0;
    int stopped = 0;
    for (Entry entry : entries) {
      if (entry.started().isPresent()) {
        EventManager em = entry.started().get();
        try {
          modules += em.modules().size();
        } catch (IllegalStateException e) {
          // not started or already closed: nothing to count
        }
        em.close();
        stopped++;
      }
    }
    if (stopped > 0) {
      err.println("aex " + command + ": stopped " + stopped + " event manager(s) started here, and their "
          + modules + " module(s)");
      err.flush();
    }
  }

  private void closeQuietly() {
    for (Entry entry : entries) {
      entry.started().ifPresent(EventManager::close);
    }
    closed = true;
  }
}
