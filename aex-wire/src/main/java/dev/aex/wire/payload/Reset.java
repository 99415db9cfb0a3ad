package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;

/**
 * Reset (code 4): clears the event manager's tables and stops its modules; a no-op "Ping" on Sancus
 * (protocol.md §1.6.5). The payload is empty; the deployer sends {@code 04 0000}, and {@code
 * CommandMessage} decoding also accepts a bare {@code 04}.
 */
public record Reset() implements CommandPayload {
  @Override
  public CommandCode code() {
    return CommandCode.RESET;
  }

  @Override
  public Bytes encode() {
    return Bytes.empty();
  }

  /**
   * @throws MalformedPayloadException if the payload is not empty
   */
  public static Reset decode(Bytes payload) throws MalformedPayloadException {
    PayloadReader.exactly(payload, 0, "Reset");
    return new Reset();
  }
}
