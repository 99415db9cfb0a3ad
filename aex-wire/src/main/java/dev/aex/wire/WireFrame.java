package dev.aex.wire;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Anything that travels as one unit on a reactive-net connection (protocol.md §1.2, §1.3). Frames
 * are immutable values with content equality.
 */
public sealed interface WireFrame permits Command, ResultMessage, Message {
  /** The complete frame as it goes on the wire. */
  Bytes encode();

  /**
   * Writes the complete frame with a single {@code write} call, so a frame is never split across
   * calls that another writer could interleave with. Does not flush.
   */
  default void writeTo(OutputStream out) throws IOException {
    out.write(encode().array());
  }
}
