package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.CommandCode;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;
import java.util.Objects;

/**
 * Call (code 1): calls entry point {@code entry_id} of module {@code sm_id} (protocol.md §1.6.2,
 * §2.3):
 *
 * <pre>
 * [sm_id:2][entry_id:2][args:*]
 * </pre>
 *
 * The args of the reserved entries have layouts of their own (§2.4): {@link SetKey}, {@link
 * SancusSetKey}, {@link Attest}, {@link Disable}. User entries' args are application-defined.
 */
public record Call(int smId, int entryId, Bytes args) implements CommandPayload {
  private static final int HEADER = 4;

  /**
   * @throws IllegalArgumentException if an id is not a u16 or the payload would exceed 65535 bytes
   */
  public Call {
    Checks.u16(smId, "Call sm_id");
    Checks.u16(entryId, "Call entry_id");
    Objects.requireNonNull(args, "args");
    Checks.u16(HEADER + args.size(), "Call payload length");
  }

  @Override
  public CommandCode code() {
    return CommandCode.CALL;
  }

  @Override
  public Bytes encode() {
    return PayloadWriter.of(HEADER + args.size()).u16(smId).u16(entryId).bytes(args).done();
  }

  /**
   * The call as an SGX/native event manager forwards it to the module: {@code sm_id} dropped
   * (§2.3).
   */
  public EntryCall toEntryCall() {
    return new EntryCall(entryId, args);
  }

  /**
   * @throws MalformedPayloadException if the payload is shorter than 4 bytes
   */
  public static Call decode(Bytes payload) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.atLeast(payload, HEADER, "Call");
    return new Call(in.u16(), in.u16(), in.rest());
  }
}
