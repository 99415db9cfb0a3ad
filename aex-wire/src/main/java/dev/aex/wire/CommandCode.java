package dev.aex.wire;

import dev.aex.wire.internal.Codes;

/**
 * The command byte of a {@link CommandMessage} (protocol.md §1.4), current revision (§0.3).
 *
 * <p>{@link #fromByte} is strict: values 8..255 are rejected, because the codes were renumbered in
 * the past (§8.1) and a guess would misroute a command. {@link #toString} shows name and value,
 * e.g. {@code REMOTE_OUTPUT(2)}.
 */
public enum CommandCode {
  CONNECT(0),
  CALL(1),
  REMOTE_OUTPUT(2),
  /** Framed per node type: see {@link LoadMessage} (§1.3). */
  LOAD(3),
  /** "Ping" on Sancus EMs, which reply Ok and reset nothing (§1.6.5). */
  RESET(4),
  REGISTER_ENTRYPOINT(5),
  MODULE_OUTPUT(6),
  REMOTE_REQUEST(7);

  /**
   * A byte that no command has, which every event manager (aex's and the original's) answers with
   * IllegalCommand: {@code aex up} sends {@code [PROBE][00 00]} to tell an event manager from any
   * other listener on a node's port, and an aex event manager logs it at debug level only.
   */
  public static final int PROBE = 0xff;

  private static final CommandCode[] BY_VALUE = values();

  private final int value;

  CommandCode(int value) {
    this.value = value;
  }

  /** The byte on the wire, 0..7. */
  public int value() {
    return value;
  }

  /**
   * The code for a wire byte.
   *
   * @throws UnknownCodeException for values outside 0..7, naming the value
   */
  public static CommandCode fromByte(byte b) throws UnknownCodeException {
    return Codes.lookup(BY_VALUE, b, "CommandCode");
  }

  /**
   * Whether the protocol declares a reply (reactive-net {@code has_response}, §1.7): every command
   * except {@link #REMOTE_OUTPUT} and {@link #MODULE_OUTPUT}. Real event managers deviate (the TZ
   * EM answers RemoteOutput; EMSGX answers some ModuleOutputs and skips some replies), so a sender
   * that does not expect a reply must still tolerate one, and one that does must tolerate a close.
   */
  public boolean hasResponse() {
    return this != REMOTE_OUTPUT && this != MODULE_OUTPUT;
  }

  @Override
  public String toString() {
    return name() + "(" + value + ")";
  }
}
