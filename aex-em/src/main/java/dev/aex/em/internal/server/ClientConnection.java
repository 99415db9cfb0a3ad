package dev.aex.em.internal.server;

import dev.aex.em.internal.Settings;
import dev.aex.em.internal.routing.Burst;
import dev.aex.wire.kept.AexHello;
import dev.aex.wire.Command;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;
import dev.aex.wire.ReadLimits;
import dev.aex.wire.ResultCode;
import dev.aex.wire.Transport;
import dev.aex.wire.WireException;
import dev.aex.wire.WireTimeoutException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One client connection: reads commands until the client closes (an original client sends one;
 * aex clients may send many), hands each to the handler and writes its reply. A bad frame ends
 * only this connection; no exception escapes.
 *
 * <p>After an aex hello ({@link AexHello}) from another aex event manager, a module or the
 * deployer, every event (RemoteOutput, ModuleOutput to handle_input) is answered. With a session:
 * Ok once queued, GenericError if dropped here, and the events are counted and fenced per session
 * (see {@link PeerSessions}). Without one, a RemoteOutput gets its module's answer.
 */
final class ClientConnection implements Runnable {
  private static final Logger LOG = System.getLogger(ClientConnection.class.getName());
  /** Warnings about clients' bad commands: 20 per 10 s, then a count (a flood of them). */
  private static final WarningBudget BAD_COMMANDS = new WarningBudget(20, Duration.ofSeconds(10));
  /** Reset's length bytes are optional (§1.6.5): a bare {@code 04} then silence is a Reset. */
  private static final Duration RESET_LENGTH_WAIT = Duration.ofSeconds(1);
  /** A hello arrives in one piece; anything slower is not one, and gets IllegalCommand. */
  private static final Duration HELLO_WAIT = Duration.ofSeconds(1);
  private static final int HELLO_LENGTH = 13;

  private final Socket socket;
  private final Intake.Slot slot;
  private final CommandHandler handler;
  private final Settings settings;
  private final Runnable onClose;
  private final String peer;
  private final PeerSessions sessions;
  private boolean acknowledging; // after an aex hello: RemoteOutputs get a reply
  private PeerSessions.Hold hold; // after an aex hello naming a session

  ClientConnection(Socket socket, Intake.Slot slot, CommandHandler handler, Settings settings,
      PeerSessions sessions, Runnable onClose) {
    this.socket = socket;
    this.slot = slot;
    this.handler = handler;
    this.settings = settings;
    this.sessions = sessions;
    this.onClose = onClose;
    this.peer = String.valueOf(socket.getRemoteSocketAddress());
  }

  @Override
  public void run() {
    try (socket; Transport transport = Transport.watched(socket)) {
      serve(transport);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "client {0} went away: {1}", peer, e.toString());
    } catch (InterruptedException e) {
      LOG.log(Level.DEBUG, "client {0}: interrupted, closing", peer);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "client " + peer + ": unexpected failure, connection closed", e);
    } finally {
      slot.skip();
      onClose.run();
    }
  }

  private void serve(Transport transport) throws IOException, InterruptedException {
    // Replies are flushed when the next command must be waited for, or before closing: the
    // replies to a batch of commands (acknowledgements of events) leave in one write.
    OutputStream out = new BufferedOutputStream(transport.output());
    CommandInput input =
        new CommandInput(transport, ReadLimits.DEFAULT.withMaxLoadBytes(settings.maxLoadBytes()),
            settings.loadFormat(), out);
    Settings.Timeouts timeouts = settings.timeouts();
    for (boolean first = true; ; first = false) {
      OptionalInt code = peek(input, first ? timeouts.firstCommand() : timeouts.idle());
      if (code.isEmpty()) {
        return;
      }
      boolean hello = code.getAsInt() == AexHello.CODE;
      // A hello keeps its place too: events sent before it, one per connection, go first.
      boolean ordered = first && (hello || code.getAsInt() < 8 && isOrdered(code.getAsInt()));
      if (!ordered) {
        slot.skip();
      }
      Outcome outcome = hello ? hello(input, ordered) : next(input, code.getAsInt(), ordered);
      if (outcome instanceof Outcome.Reply reply) {
        reply.message().writeTo(out);
      }
      if (outcome.thenClose()) {
        out.flush();
        return;
      }
    }
  }

  private OptionalInt peek(CommandInput input, Duration idle) throws IOException {
    try {
      return input.peekCode(idle);
    } catch (SocketTimeoutException e) {
      LOG.log(Level.DEBUG, "client {0}: no command within {1} ms, closing", peer, String.valueOf(idle.toMillis()));
      return OptionalInt.empty();
    }
  }

  private Outcome next(CommandInput input, int code, boolean ordered) throws IOException, InterruptedException {
    Optional<Command> command;
    try {
      command = input.read(deadlineFor(code));
    } catch (WireTimeoutException e) {
      if (code == CommandCode.RESET.value()) {
        // The original never reads Reset's length; where the stream stands now is unknown.
        return handler.handle(CommandMessage.of(CommandCode.RESET), Turn.NONE).closing();
      }
      return failed(code, e);
    } catch (WireException e) {
      return failed(code, e);
    }
    if (command.isEmpty()) {
      return Outcome.drop();
    }
    Burst.more(input.hasBuffered());
    try {
      return handle(command.get(), ordered);
    } finally {
      Burst.more(false);
    }
  }

  private Outcome handle(Command command, boolean ordered) throws InterruptedException {
    if (acknowledging && command instanceof CommandMessage event && CommandHandler.isKeptEvent(event)) {
      return acknowledged(event);
    }
    Turn turn = ordered ? slot.awaitTurn() : Turn.NONE;
    try {
      return handler.handle(command, turn);
    } finally {
      turn.pass();
    }
  }

  /**
   * The aex hello: Ok with the aex answer if it is one this version understands; otherwise
   * IllegalCommand and close, as for every code the original does not know.
   */
  private Outcome hello(CommandInput input, boolean ordered) throws IOException, InterruptedException {
    Optional<Long> session = input.readExact(HELLO_LENGTH, HELLO_WAIT).flatMap(AexHello::session);
    if (session.isEmpty()) {
      badCommand("client {0}: bad command, {1}: unknown code {2}{3}",
          "replied IllegalCommand and closed", String.valueOf(AexHello.CODE));
      return Outcome.replyAndClose(ResultCode.ILLEGAL_COMMAND);
    }
    Turn turn = ordered ? slot.awaitTurn() : Turn.NONE;
    try {
      acknowledging = true;
      long accepted = 0;
      if (session.get() != 0) {
        hold = sessions.join(session.get());
        accepted = hold.acceptedBefore();
      }
      LOG.log(Level.DEBUG, "client {0}: aex hello, connection kept (session {1}, {2} events taken)",
          peer, Long.toHexString(session.get()), String.valueOf(accepted));
      return Outcome.reply(AexHello.accept(accepted));
    } finally {
      turn.pass();
    }
  }

  /**
   * An event after a hello: without a session confirmed by its module; in a session taken (and
   * counted) unless a newer connection took over.
   */
  private Outcome acknowledged(CommandMessage event) {
    if (hold == null) {
      return acknowledgement(handler.handleConfirmed(event));
    }
    PeerSessions.Session session = hold.session();
    session.lock.lock();
    try {
      if (session.epoch != hold.epoch()) {
        LOG.log(Level.DEBUG, "client {0}: a newer connection carries this event stream; event left to it", peer);
        return Outcome.drop();
      }
      Outcome outcome = handler.handleKept(event);
      session.accepted++;
      return acknowledgement(outcome);
    } finally {
      session.lock.unlock();
    }
  }

  private static Outcome acknowledgement(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Silent silent -> Outcome.reply(silent.thenClose() ? ResultCode.GENERIC_ERROR : ResultCode.OK);
      case Outcome.Reply reply -> reply;
    };
  }

  private Outcome failed(int code, WireException e) {
    Outcome outcome = ReadFailure.outcome(code, e);
    // aex up's probe is expected; a warning for it would say that something is wrong.
    if (code == CommandCode.PROBE) {
      LOG.log(Level.DEBUG, "client {0}: bad command, {1}: {2}", peer, describe(outcome),
          e.getMessage());
    } else {
      badCommand("client {0}: bad command, {1}: {2}{3}", describe(outcome), e.getMessage());
    }
    return outcome;
  }

  /** A warning about a client's bad command, within {@link #BAD_COMMANDS}; at debug beyond it. */
  private void badCommand(String format, String what, String why) {
    Optional<String> note = BAD_COMMANDS.admit(System.nanoTime());
    LOG.log(note.isPresent() ? Level.WARNING : Level.DEBUG, format, peer, what, why,
        note.orElse(""));
  }

  private Duration deadlineFor(int code) {
    if (code == CommandCode.LOAD.value()) {
      return settings.timeouts().loadFrame();
    }
    return code == CommandCode.RESET.value() ? RESET_LENGTH_WAIT : settings.timeouts().frame();
  }

  private static boolean isOrdered(int code) {
    return CommandHandler.isOrdered(CommandCode.values()[code]);
  }

  private static String describe(Outcome outcome) {
    return outcome instanceof Outcome.Reply reply
        ? "replied " + reply.message().code() + " and closed"
        : "closed without a reply";
  }
}
