package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.Message;
import dev.aex.wire.internal.Checks;
import java.util.Objects;

/**
 * What an SGX/native event manager sends a module on loopback, as the payload of a bare {@link
 * Message} (protocol.md §2.3): a {@link Call} without {@code sm_id}, or an event for entry 3/4
 * whose args are {@link EventArgs}.
 *
 * <pre>
 * [entry_id:2][args:*]
 * </pre>
 */
public record EntryCall(int entryId, Bytes args) {
  private static final int HEADER = 2;

  /**
   * @throws IllegalArgumentException if the id is not a u16 or the payload would exceed 65535 bytes
   */
  public EntryCall {
    Checks.u16(entryId, "EntryCall entry_id");
    Objects.requireNonNull(args, "args");
    Checks.u16(HEADER + args.size(), "EntryCall payload length");
  }

  public Bytes encode() {
    return PayloadWriter.of(HEADER + args.size()).u16(entryId).bytes(args).done();
  }

  public Message toMessage() {
    return new Message(encode());
  }

  /**
   * @throws MalformedPayloadException if the payload is shorter than 2 bytes
   */
  public static EntryCall decode(Bytes payload) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.atLeast(payload, HEADER, "EntryCall");
    return new EntryCall(in.u16(), in.rest());
  }
}
