package dev.aex.em.internal.server;

import dev.aex.wire.Bytes;
import dev.aex.wire.Command;
import dev.aex.wire.CommandCode;
import dev.aex.wire.CommandMessage;

/** Carries out one command that a client sent. */
public interface CommandHandler {
  /** The entry of an event in a ModuleOutput (handle_input). */
  int HANDLE_INPUT = 3;

  /**
   * Handles {@code command}. An event that must stay in arrival order is queued while {@code turn}
   * is held, and the turn passed once it is queued. Never throws for bad input: every error is an
   * {@link Outcome}.
   */
  Outcome handle(Command command, Turn turn);

  /**
   * Handles an event that arrived on a kept connection after an aex hello (a RemoteOutput, or a
   * module's ModuleOutput to handle_input): queued for its destination and answered at once, so
   * the sender can go on; the connection itself keeps the events in order.
   */
  Outcome handleKept(CommandMessage event);

  /**
   * Handles a RemoteOutput that arrived after an aex hello without a session (the deployer's
   * {@code output}): answered once its module has answered, with that answer, so the sender
   * learns whether the module took the event. Any other event is handled as {@link #handleKept}.
   */
  Outcome handleConfirmed(CommandMessage event);

  /** Whether {@code command} is an event that a kept connection acknowledges. */
  static boolean isKeptEvent(CommandMessage command) {
    Bytes payload = command.payload();
    return command.code() == CommandCode.REMOTE_OUTPUT
        || command.code() == CommandCode.MODULE_OUTPUT && payload.size() >= 2
            && payload.getUnsigned(0) == 0 && payload.getUnsigned(1) == HANDLE_INPUT;
  }

  /** Whether a command with this code must keep its place among connections (events do). */
  static boolean isOrdered(CommandCode code) {
    return code == CommandCode.REMOTE_OUTPUT || code == CommandCode.MODULE_OUTPUT;
  }
}
