package dev.aex.wire;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to an event manager with the normal u16 framing (protocol.md §1.2):
 *
 * <pre>
 * [code:1][len:2 BE][payload:len]
 * </pre>
 *
 * <p>Guarantees: the payload fits the u16 length (checked on construction). The payload is not
 * interpreted here; {@code dev.aex.wire.payload.CommandPayload} decodes it. Load (code 3) with this
 * framing is the Sancus form; other nodes frame Load differently ({@link LoadMessage}).
 *
 * <p>Decoding accepts Reset without its two length bytes ({@code 04} alone, §1.6.5). On a
 * stream, a bare {@code 04} is recognised only when the peer then closes its side; a peer that
 * sends {@code 04} and waits gets a {@link WireTimeoutException} at the reader's deadline.
 */
public record CommandMessage(CommandCode code, Bytes payload) implements Command {
  /** The longest payload: what the u16 length field can say. */
  public static final int MAX_PAYLOAD = U16Frame.MAX_PAYLOAD;

  /**
   * @throws IllegalArgumentException if the payload is longer than 65535 bytes
   */
  public CommandMessage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(payload, "payload");
    U16Frame.checkPayload(payload, "CommandMessage", code);
  }

  /** A command with an empty payload. */
  public static CommandMessage of(CommandCode code) {
    return new CommandMessage(code, Bytes.empty());
  }

  @Override
  public Bytes encode() {
    return U16Frame.encode(code.value(), payload);
  }

  /**
   * Decodes exactly one frame.
   *
   * @throws WireFormatException if {@code frame} is not exactly one valid CommandMessage
   */
  public static CommandMessage decode(Bytes frame) throws WireFormatException {
    return FrameInput.decodeWhole(frame, "CommandMessage", in -> read(in, ReadLimits.DEFAULT));
  }

  static Optional<CommandMessage> read(FrameInput in, ReadLimits limits) throws IOException {
    int first = in.describe("CommandMessage", "").firstByteOrEnd("code");
    if (first < 0) {
      return Optional.empty();
    }
    return Optional.of(readAfterCode(in, CommandCode.fromByte((byte) first), limits));
  }

  static CommandMessage readAfterCode(FrameInput in, CommandCode code, ReadLimits limits)
      throws IOException {
    in.describe("CommandMessage", code);
    if (code != CommandCode.RESET) {
      return new CommandMessage(code, U16Frame.readLengthAndPayload(in, limits.maxPayload()));
    }
    int length = in.u16OrEnd("length");
    return length < 0
        ? of(code)
        : new CommandMessage(code, in.body(length, limits.maxPayload(), "payload"));
  }
}
