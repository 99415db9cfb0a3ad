package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;

/**
 * RegisterEntrypoint (code 5): asks the event manager to call entry {@code entry_id} of module
 * {@code sm_id} every {@code period_ms} milliseconds (protocol.md §1.6.6; the deployer calls it
 * "frequency" but it is a period). Exactly 8 bytes:
 *
 * <pre>
 * [sm_id:2][entry_id:2][period_ms:4]
 * </pre>
 */
public record RegisterEntrypoint(int smId, int entryId, long periodMs) implements CommandPayload {
  private static final int SIZE = 8;

  /**
   * @throws IllegalArgumentException if an id is not a u16 or the period not a u32
   */
  public RegisterEntrypoint {
    Checks.u16(smId, "RegisterEntrypoint sm_id");
    Checks.u16(entryId, "RegisterEntrypoint entry_id");
    Checks.u32(periodMs, "RegisterEntrypoint period_ms");
  }

  @Override
  public CommandCode code() {
    return CommandCode.REGISTER_ENTRYPOINT;
  }

  @Override
  public Bytes encode() {
    return PayloadWriter.of(SIZE).u16(smId).u16(entryId).u32(periodMs).done();
  }

  /**
   * @throws MalformedPayloadException if the payload is not 8 bytes
   */
  public static RegisterEntrypoint decode(Bytes payload) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.exactly(payload, SIZE, "RegisterEntrypoint");
    return new RegisterEntrypoint(in.u16(), in.u16(), in.u32());
  }
}
