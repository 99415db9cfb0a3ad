package dev.aex.wire.payload;

import dev.aex.wire.Bytes;
import dev.aex.wire.MalformedPayloadException;
import dev.aex.wire.internal.Checks;
import java.util.Objects;

/**
 * The args of entries 3 (HandleInput, an event) and 4 (HandleHandler, a request), which only an
 * event manager sends to its module (protocol.md §2.4, §4.5, §4.6). The module finds the key and
 * the expected nonce by {@code conn_id}.
 *
 * <pre>
 * [conn_id:2][ciphertext:*][tag:16]
 * </pre>
 */
public record EventArgs(int connId, SealedData data) {
  private static final int HEADER = 2;

  /**
   * @throws IllegalArgumentException if the id is not a u16
   */
  public EventArgs {
    Checks.u16(connId, "EventArgs conn_id");
    Objects.requireNonNull(data, "data");
  }

  public Bytes encode() {
    return PayloadWriter.of(HEADER + data.size()).u16(connId).bytes(data.encode()).done();
  }

  /**
   * @throws MalformedPayloadException if the args are shorter than 18 bytes (id and tag)
   */
  public static EventArgs decode(Bytes args) throws MalformedPayloadException {
    PayloadReader in = PayloadReader.atLeast(args, HEADER + SealedData.TAG_LENGTH, "EventArgs");
    return new EventArgs(in.u16(), SealedData.split(in.rest(), "EventArgs"));
  }
}
