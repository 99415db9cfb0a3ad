package dev.aex.em.internal;

import dev.aex.em.internal.loader.ModuleLoader;
import dev.aex.em.internal.periodic.PeriodicTasks;
import dev.aex.em.internal.routing.EventRouter;
import dev.aex.em.internal.routing.Route;
import dev.aex.em.internal.routing.RouteTable;
import dev.aex.em.internal.server.CommandHandler;
import dev.aex.em.internal.server.Outcome;
import dev.aex.em.internal.server.Turn;
import dev.aex.wire.Bytes;
import dev.aex.wire.Command;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.LoadMessage;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.NativeLoad;
import dev.aex.wire.ResultCode;
import dev.aex.wire.payload.Connect;
import dev.aex.wire.payload.RegisterEntrypoint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Sends each command to the part of the event manager that handles it (protocol.md §1.6). */
final class Dispatcher implements CommandHandler {
  private static final Logger LOG = System.getLogger(Dispatcher.class.getName());

  private final RouteTable routes;
  private final EventRouter events;
  private final ModuleLoader loader;
  private final PeriodicTasks periodic;
  private final Runnable reset;

  Dispatcher(RouteTable routes, EventRouter events, ModuleLoader loader, PeriodicTasks periodic, Runnable reset) {
    this.routes = routes;
    this.events = events;
    this.loader = loader;
    this.periodic = periodic;
    this.reset = reset;
  }

  @Override
  public Outcome handle(Command command, Turn turn) {
    LOG.log(Level.TRACE, () -> command.code() + ": " + shown(command));
    try {
      return switch (command) {
        case LoadMessage load -> loader.load(load);
        case CommandMessage message -> dispatch(message, turn);
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.replyAndClose(ResultCode.INTERNAL_ERROR);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, command.code() + ": unexpected failure, replied InternalError", e);
      return Outcome.replyAndClose(ResultCode.INTERNAL_ERROR);
    }
  }

  @Override
  public Outcome handleKept(CommandMessage event) {
    return kept(event, false);
  }

  @Override
  public Outcome handleConfirmed(CommandMessage event) {
    return kept(event, true);
  }

  private Outcome kept(CommandMessage event, boolean confirmed) {
    try {
      return event.code() == CommandCode.MODULE_OUTPUT
          ? events.moduleEvent(event.payload())
          : events.remoteOutput(event.payload(), Turn.NONE, confirmed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.replyAndClose(ResultCode.INTERNAL_ERROR);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, event.code() + ": unexpected failure, replied InternalError", e);
      return Outcome.replyAndClose(ResultCode.INTERNAL_ERROR);
    }
  }

  /** Payload bytes (bounded by {@code Bytes.toString}) for trace logs; a Load only by its size. */
  private static String shown(Command command) {
    return switch (command) {
      case NativeLoad load -> "an executable of " + load.executable().size() + " bytes";
      case LoadMessage load -> "a " + load.format() + " Load";
      case CommandMessage message -> message.payload().toString();
    };
  }

  private Outcome dispatch(CommandMessage message, Turn turn) throws InterruptedException {
    Bytes payload = message.payload();
    return switch (message.code()) {
      case CONNECT -> connect(payload);
      case CALL -> events.call(payload);
      case REMOTE_OUTPUT -> events.remoteOutput(payload, turn, false);
      // Only Sancus frames Load with a u16 length; this node reads the native framing.
      case LOAD -> Outcome.replyAndClose(ResultCode.ILLEGAL_PAYLOAD);
      case RESET -> reset();
      case REGISTER_ENTRYPOINT -> register(payload);
      case MODULE_OUTPUT -> events.moduleOutput(payload, turn);
      case REMOTE_REQUEST -> events.remoteRequest(payload);
    };
  }

  /** Connect (0): insert or replace a route; IllegalPayload unless exactly 11 bytes (§1.6.1). */
  private Outcome connect(Bytes payload) {
    try {
      Route route = Route.of(Connect.decode(payload));
      routes.put(route);
      LOG.log(Level.DEBUG, "Connect: {0}", route);
      return Outcome.reply(ResultCode.OK);
    } catch (MalformedPayloadException e) {
      LOG.log(Level.WARNING, "Connect refused: {0}", e.getMessage());
      return Outcome.reply(ResultCode.ILLEGAL_PAYLOAD);
    }
  }

  /**
   * RegisterEntrypoint (5): IllegalPayload unless exactly 8 bytes (§1.6.6); InternalError when
   * periodic tasks are off, as the TrustZone event manager answers.
   */
  private Outcome register(Bytes payload) {
    try {
      boolean scheduled = periodic.register(RegisterEntrypoint.decode(payload));
      return Outcome.reply(scheduled ? ResultCode.OK : ResultCode.INTERNAL_ERROR);
    } catch (MalformedPayloadException e) {
      LOG.log(Level.WARNING, "RegisterEntrypoint refused: {0}", e.getMessage());
      return Outcome.reply(ResultCode.ILLEGAL_PAYLOAD);
    }
  }

  /** Reset (4): any payload is ignored, as the original never reads it (§1.6.5). */
  private Outcome reset() {
    reset.run();
    return Outcome.reply(ResultCode.OK);
  }
}
