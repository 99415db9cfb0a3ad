package dev.aex.em.internal.routing;

import dev.aex.em.internal.server.Outcome;
import dev.aex.em.internal.server.Turn;
import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.Message;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.WireTimeoutException;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.EntryCall;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * Call, RemoteOutput, RemoteRequest and ModuleOutput as the original SGX/native event manager
 * handles them (protocol.md §1.6.2, §1.6.3, §1.6.7, §1.6.8, §3.1.4, §3.1.5), including its
 * minimum lengths and which failures get which reply or none. The bytes after the two ids are
 * forwarded untouched: the event manager never interprets ciphertext.
 */
public final class EventRouter {
  private static final Logger LOG = System.getLogger(EventRouter.class.getName());
  private static final int HANDLE_INPUT = 3;
  private static final int HANDLE_HANDLER = 4;

  private final RouteTable routes;
  private final Delivery delivery;
  private final Duration replyWait;
  private final IntPredicate loaded;

  /**
   * {@code replyWait} bounds the wait for a queued local event's reply; {@code loaded} tells the
   * module ids that messages may go to (those this event manager loaded, or any).
   */
  public EventRouter(RouteTable routes, Delivery delivery, Duration replyWait,
      IntPredicate loaded) {
    this.routes = routes;
    this.delivery = delivery;
    this.replyWait = replyWait;
    this.loaded = loaded;
  }

  /** Call (1): the module's reply, unchanged; InternalError if it cannot be reached. */
  public Outcome call(Bytes payload) {
    Call call;
    try {
      call = Call.decode(payload);
    } catch (MalformedPayloadException e) {
      LOG.log(Level.DEBUG, "Call: {0}", e.getMessage());
      return Outcome.reply(ResultCode.ILLEGAL_PAYLOAD);
    }
    String what = "Call entry " + call.entryId() + " of module " + call.smId();
    return exchange(call.smId(), call.toEntryCall().toMessage(), what, ResultCode.INTERNAL_ERROR);
  }

  /** A periodic event: Call with no arguments (§3.1.6), reply only logged. */
  public void periodicCall(int smId, int entryId) {
    Outcome outcome = exchange(smId, new EntryCall(entryId, Bytes.empty()).toMessage(),
        "periodic entry " + entryId + " of module " + smId, ResultCode.INTERNAL_ERROR);
    LOG.log(Level.DEBUG, "periodic entry {0} of module {1}: {2}", String.valueOf(entryId), String.valueOf(smId), outcome);
  }

  /**
   * RemoteOutput (2): queued for module {@code to_sm} as {@code [3][conn_id][data]}; no reply, or
   * if {@code confirmed} the module's own reply once it has handled the event (GenericError if it
   * cannot be had).
   */
  public Outcome remoteOutput(Bytes payload, Turn turn, boolean confirmed)
      throws InterruptedException {
    if (payload.size() <= 6) {
      LOG.log(Level.DEBUG, "RemoteOutput of {0} bytes (expected: > 6): dropped", String.valueOf(payload.size()));
      return Outcome.drop();
    }
    int toSm = u16(payload, 0);
    String what = "event on connection " + u16(payload, 2) + " for module " + toSm;
    OptionalInt port = portOf(toSm, what, "dropped");
    if (port.isEmpty()) {
      return Outcome.drop();
    }
    Message event = new Message(withHead(payload, HANDLE_INPUT));
    return toModule(port.getAsInt(), event, turn, what, confirmed);
  }

  /** Queues an event for a module: its reply if {@code await}, else only whether it is queued. */
  private Outcome toModule(int port, Message event, Turn turn, String what, boolean await)
      throws InterruptedException {
    CompletableFuture<Optional<ResultMessage>> queued =
        delivery.queueToModule(port, event, turn, what);
    return await ? awaitReply(queued) : queued(queued);
  }

  /**
   * No reply for an event on its way, as the original; a kept sender is told Ok. An event the
   * queue refused at once (full for the lane wait) is dropped: such a sender is told
   * GenericError, as for any event dropped here, and an original one sees the connection close.
   */
  private static Outcome queued(CompletableFuture<?> delivery) {
    return delivery.isCompletedExceptionally() ? Outcome.drop() : Outcome.silent();
  }

  /** RemoteRequest (7): {@code [4][conn_id][data]} to module {@code to_sm}; its reply forwarded. */
  public Outcome remoteRequest(Bytes payload) {
    if (payload.size() <= 6) {
      LOG.log(Level.DEBUG, "RemoteRequest of {0} bytes (expected: > 6): closed", String.valueOf(payload.size()));
      return Outcome.drop();
    }
    int toSm = u16(payload, 0);
    String what = "request on connection " + u16(payload, 2) + " for module " + toSm;
    return exchange(toSm, new Message(withHead(payload, HANDLE_HANDLER)), what, ResultCode.INTERNAL_ERROR);
  }

  /** ModuleOutput (6): an event or request of a module on this node, routed by its conn_id. */
  public Outcome moduleOutput(Bytes payload, Turn turn) throws InterruptedException {
    return moduleOutput(payload, turn, true);
  }

  /**
   * A module's event (ModuleOutput to handle_input) on a kept connection: queued for its
   * destination, not waited for; silent if queued, a drop if not.
   */
  public Outcome moduleEvent(Bytes payload) throws InterruptedException {
    Outcome outcome = moduleOutput(payload, Turn.NONE, false);
    return outcome instanceof Outcome.Reply reply && reply.message().code() != ResultCode.OK
        ? Outcome.drop()
        : outcome;
  }

  private Outcome moduleOutput(Bytes payload, Turn turn, boolean awaitLocal) throws InterruptedException {
    if (payload.size() <= 4) {
      LOG.log(Level.DEBUG, "ModuleOutput of {0} bytes (expected: > 4): closed", String.valueOf(payload.size()));
      return Outcome.drop();
    }
    int entry = u16(payload, 0);
    if (entry != HANDLE_INPUT) {
      turn.pass(); // only events keep their place; a request must not hold the others back
    }
    Optional<Route> route = routes.get(u16(payload, 2));
    if (route.isEmpty()) {
      LOG.log(Level.WARNING, "ModuleOutput on unknown connection {0}: dropped (was Connect sent?)", String.valueOf(u16(payload, 2)));
      return Outcome.drop();
    }
    return route.get().local()
        ? local(route.get(), entry, payload, turn, awaitLocal)
        : remote(route.get(), entry, payload, turn);
  }

  /**
   * Forwarded unchanged to the destination module, whose reply goes back to the source (§3.1.4)
   * if {@code await}; otherwise the source learns only that the event is queued.
   */
  private Outcome local(Route route, int entry, Bytes payload, Turn turn, boolean await)
      throws InterruptedException {
    Message message = new Message(payload);
    String what = "entry " + entry + " on " + route;
    if (entry != HANDLE_INPUT) {
      return exchange(route.toSm(), message, what, ResultCode.GENERIC_ERROR);
    }
    OptionalInt port = portOf(route.toSm(), what, "dropped");
    if (port.isEmpty()) {
      return Outcome.reply(ResultCode.GENERIC_ERROR);
    }
    return toModule(port.getAsInt(), message, turn, what, await);
  }

  private Outcome remote(Route route, int entry, Bytes payload, Turn turn) throws InterruptedException {
    Bytes forwarded = withHead(payload, route.toSm());
    String what = "entry " + entry + " on " + route;
    switch (entry) {
      case HANDLE_INPUT -> {
        return queued(delivery.queueToPeer(
            route.peer(), new CommandMessage(CommandCode.REMOTE_OUTPUT, forwarded), turn, what));
      }
      case HANDLE_HANDLER -> {
        try {
          Optional<ResultMessage> reply =
              delivery.requestPeer(route.peer(), new CommandMessage(CommandCode.REMOTE_REQUEST, forwarded));
          LOG.log(Level.DEBUG, "{0}: reply {1}", what, reply.map(r -> r.code().toString()).orElse("none"));
          return Outcome.reply(reply.orElse(ResultMessage.of(ResultCode.GENERIC_ERROR)));
        } catch (IOException e) {
          LOG.log(Level.WARNING, "{0}: failed: {1}", what, e.toString());
          return Outcome.reply(ResultCode.GENERIC_ERROR);
        }
      }
      default -> {
        LOG.log(Level.WARNING, "{0}: entry {1} cannot go to another node (expected: 3 or 4)", what, String.valueOf(entry));
        return Outcome.reply(ResultCode.GENERIC_ERROR);
      }
    }
  }

  /** A message to module {@code smId} answered at once; {@code failure} if it cannot be had. */
  private Outcome exchange(int smId, Message message, String what, ResultCode failure) {
    OptionalInt port = portOf(smId, what, "refused");
    if (port.isEmpty()) {
      return Outcome.reply(failure);
    }
    try {
      Optional<ResultMessage> reply = delivery.callModule(port.getAsInt(), message);
      LOG.log(Level.DEBUG, "{0}: reply {1}", what, reply.map(r -> r.code().toString()).orElse("none"));
      return Outcome.reply(reply.orElse(ResultMessage.of(failure)));
    } catch (WireTimeoutException | SocketTimeoutException e) {
      // Reached, but silent: most often module code that is slow or waits for ever.
      LOG.log(Level.WARNING, "{0}: module {1} (port {2}) did not answer in time: is one of its"
          + " inputs, handlers or entries slow or stuck? A module that is not concurrent handles one"
          + " message at a time ({3})", what, String.valueOf(smId), String.valueOf(port.getAsInt()),
          e.getMessage());
      return Outcome.reply(failure);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "{0}: module not reachable on port {1}: {2}", what, String.valueOf(port.getAsInt()), e.toString());
      return Outcome.reply(failure);
    }
  }

  private Outcome awaitReply(CompletableFuture<Optional<ResultMessage>> delivered) throws InterruptedException {
    try {
      Optional<ResultMessage> reply = delivered.get(replyWait.toNanos(), TimeUnit.NANOSECONDS);
      return Outcome.reply(reply.orElse(ResultMessage.of(ResultCode.GENERIC_ERROR)));
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      return Outcome.reply(ResultCode.GENERIC_ERROR);
    }
  }

  private static int u16(Bytes bytes, int at) {
    return bytes.getUnsigned(at) << 8 | bytes.getUnsigned(at + 1);
  }

  /** {@code payload} with its first two bytes replaced by {@code BE16(head)}. */
  private static Bytes withHead(Bytes payload, int head) {
    byte[] copy = payload.toByteArray();
    copy[0] = (byte) (head >>> 8);
    copy[1] = (byte) head;
    return Bytes.of(copy);
  }

  /**
   * The port of module {@code smId} where a message may go there, else empty, logged as {@code
   * what} and its {@code outcome}. Only to a module this event manager loaded: EM_PORT + id could
   * otherwise be any service on loopback, whose answer a client would get back.
   */
  private OptionalInt portOf(int smId, String what, String outcome) {
    if (!loaded.test(smId)) {
      LOG.log(Level.WARNING, "{0}: {1}: no module {2} runs here (the event manager sends only to"
          + " the modules it loaded, and a module that died gets nothing until it is loaded"
          + " again)", what, outcome, String.valueOf(smId));
      return OptionalInt.empty();
    }
    OptionalInt port = delivery.modulePort(smId);
    if (port.isEmpty()) {
      LOG.log(Level.WARNING, "{0}: {1}: no port for module {2} (EM_PORT + id must be a port, id >"
          + " 0)", what, outcome, String.valueOf(smId));
    }
    return port;
  }
}
