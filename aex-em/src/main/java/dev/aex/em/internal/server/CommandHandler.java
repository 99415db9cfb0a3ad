package dev.aex.em.internal.server;

import dev.aex.wire.Command;
import dev.aex.wire.CommandCode;

/** Carries out one command that a client sent. */
public interface CommandHandler {
  /**
   * Handles {@code command}. An event that must stay in arrival order is queued while {@code turn}
   * is held, and the turn passed once it is queued. Never throws for bad input: every error is an
   * {@link Outcome}.
   */
  Outcome handle(Command command, Turn turn);

  /** Whether a command with this code must keep its place among connections (events do). */
  static boolean isOrdered(CommandCode code) {
    return code == CommandCode.REMOTE_OUTPUT || code == CommandCode.MODULE_OUTPUT;
  }
}
