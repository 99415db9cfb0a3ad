package dev.aex.wire;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A bare length-prefixed message (protocol.md §1.2), sent by an SGX/native event manager to a
 * module on loopback; its payload is {@code [entry_id:2][args:*]} (§2.3), decoded by {@code
 * dev.aex.wire.payload.EntryCall}:
 *
 * <pre>
 * [len:2 BE][payload:len]
 * </pre>
 *
 * <p>Guarantees: the payload fits the u16 length (checked on construction).
 */
public record Message(Bytes payload) implements WireFrame {
  /**
   * @throws IllegalArgumentException if the payload is longer than 65535 bytes
   */
  public Message {
    Objects.requireNonNull(payload, "payload");
    U16Frame.checkPayload(payload, "Message", "");
  }

  @Override
  public Bytes encode() {
    return U16Frame.encode(-1, payload);
  }

  /**
   * Decodes exactly one frame.
   *
   * @throws WireFormatException if {@code frame} is not exactly one valid Message
   */
  public static Message decode(Bytes frame) throws WireFormatException {
    return FrameInput.decodeWhole(frame, "Message", in -> read(in, ReadLimits.DEFAULT));
  }

  static Optional<Message> read(FrameInput in, ReadLimits limits) throws IOException {
    int length = in.describe("Message", "").u16OrEnd("length");
    if (length < 0) {
      return Optional.empty();
    }
    return Optional.of(new Message(in.body(length, limits.maxPayload(), "payload")));
  }
}
