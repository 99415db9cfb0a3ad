package dev.aex.em.internal.routing;

import dev.aex.em.internal.Settings;
import dev.aex.em.internal.server.Turn;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.Message;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * Sends to modules on this node (127.0.0.1:(EM_PORT + id)) and to other event managers. Events are
 * queued per destination and delivered in queue order, pipelined to modules that answer several
 * messages per connection ({@link ModuleLink}); calls and requests go at once on the
 * caller's thread, because their sender waits for the answer anyway and a queue could only add a
 * deadlock (a handler whose module waits for another request).
 *
 * <p>Other event managers that answer the aex hello ({@link dev.aex.wire.kept.AexHello}) get kept connections,
 * with each event acknowledged before the next goes (see {@link PeerLink}). All others get one
 * connection per command: the original reads exactly one command per connection (protocol.md
 * §1.1), and connecting anew for each event in queue order keeps the order at the receiver, whose
 * accept order is then the send order.
 */
public final class Delivery implements AutoCloseable {
  private final Settings settings;
  private final IntSupplier emPort;
  private final ModuleLinks modules;
  private final Lanes lanes;
  private final PeerLinks peers; // null: one connection per command to every peer

  private record ModuleDestination(int port) {
    @Override
    public String toString() {
      return "port-" + port;
    }
  }

  private record PeerDestination(InetSocketAddress address) {
    @Override
    public String toString() {
      return "peer-" + address;
    }
  }

  /**
   * {@code emPort} gives this event manager's port once it listens; {@code socketFolder} is where
   * the modules it starts listen on Unix domain sockets as well.
   */
  public Delivery(Settings settings, IntSupplier emPort, Path socketFolder) {
    this.settings = settings;
    this.emPort = emPort;
    this.modules = new ModuleLinks(
        settings.timeouts().module(),
        settings.limits().idleModuleConnections(),
        settings.reuseModuleConnections(),
        socketFolder);
    this.lanes = new Lanes(settings.limits().laneCapacity(), settings.limits().queuedBytes(),
        settings.timeouts().laneWait());
    this.peers = settings.keepPeerConnections() ? new PeerLinks(settings.timeouts().peer()) : null;
  }

  /**
   * The loopback port of module {@code smId}: EM_PORT + id. Empty for id 0 (the event manager's
   * own port) and where the sum is not a port (the original panics there, §3.1.2).
   */
  public OptionalInt modulePort(int smId) {
    int port = emPort.getAsInt() + smId;
    return smId == 0 || port > 0xffff ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /** A call or request to a module, answered on this thread. */
  public Optional<ResultMessage> callModule(int port, Message message) throws IOException {
    return modules.of(port).exchange(message);
  }

  /** Queues an event for a module, then passes the turn; the future holds the module's reply. */
  public CompletableFuture<Optional<ResultMessage>> queueToModule(
      int port, Message message, Turn turn, String what) throws InterruptedException {
    try {
      ModuleLink link = modules.of(port);
      return lanes.submit(new ModuleDestination(port), what, message.payload().size(),
          more -> link.deliver(message, more), link.pipelined() && !Burst.more());
    } finally {
      turn.pass();
    }
  }

  /**
   * Queues an event for another event manager (no reply is read), then passes the turn; the
   * future fails if the event was refused or could not be sent.
   */
  public CompletableFuture<Optional<ResultMessage>> queueToPeer(InetSocketAddress peer,
      CommandMessage command, Turn turn, String what) throws InterruptedException {
    InetSocketAddress address = settings.peerAddresses().apply(peer);
    try {
      boolean kept = peers != null && peers.of(address).keepsEvents() && !Burst.more();
      return lanes.submit(new PeerDestination(peer), what, command.payload().size(), more -> {
        if (peers != null) {
          peers.of(address).sendEvent(command, more);
        } else {
          WireClient.to(address, settings.timeouts().peer()).send(command);
        }
        return CompletableFuture.completedFuture(Optional.empty());
      }, kept);
    } finally {
      turn.pass();
    }
  }

  /** A request to another event manager, answered on this thread; empty if it closed instead. */
  public Optional<ResultMessage> requestPeer(InetSocketAddress peer, CommandMessage command)
      throws IOException {
    InetSocketAddress address = settings.peerAddresses().apply(peer);
    return peers != null
        ? peers.of(address).request(command)
        : WireClient.to(address, settings.timeouts().peer()).exchange(command);
  }

  /** Forgets the module at {@code port}: it died, or was stopped. */
  public void forgetModule(int port) {
    modules.forget(port);
  }

  /** Drops every queued event and every kept module connection (Reset). */
  public void reset() {
    lanes.clear();
    modules.close();
  }

  @Override
  public void close() {
    reset();
    if (peers != null) {
      peers.close();
    }
  }
}
