package dev.aex.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the fields of one frame from a stream, turning end of input and socket timeouts into typed
 * errors that name the frame and field. In-memory decoding goes through the same code, so a byte
 * array and a stream reject the same input with the same message.
 *
 * <p>Error messages are assembled only when an error happens: the frame is named once with {@link
 * #describe} and fields by constant strings, which keeps string building off the hot path.
 */
final class FrameInput {
  /**
   * A body's first buffer, whatever length was announced: a peer that announces 64 KiB and sends
   * nothing more holds this much, not 64 KiB, of a server's heap per connection. Larger bodies
   * double it as their bytes arrive.
   */
  private static final int FIRST = 8 * 1024;

  private final InputStream in;
  private final Deadline deadline;
  private long consumed;
  private String type = "frame";
  private Object detail = "";

  private FrameInput(InputStream in, Deadline deadline) {
    this.in = in;
    this.deadline = deadline;
  }

  /** Reads one frame of a known type from memory; the frame must be exactly that long. */
  static <T> T decodeWhole(Bytes frame, String type, FrameReader<T> reader)
      throws WireFormatException {
    FrameInput in = new FrameInput(new ByteArrayInputStream(frame.array()), Deadline.none());
    try {
      T value =
          reader
              .read(in)
              .orElseThrow(() -> new TruncatedFrameException(type + " first byte", 0, 1));
      in.requireEnd(frame, type);
      return value;
    } catch (WireFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("reading from memory cannot fail", e);
    }
  }

  /** Reads one frame; empty if the input ended cleanly before its first byte. */
  @FunctionalInterface
  interface FrameReader<T> {
    Optional<T> read(FrameInput in) throws IOException;
  }

  static FrameInput of(InputStream in, Deadline deadline) {
    return new FrameInput(in, deadline);
  }

  /** Names the frame in error messages from now on, e.g. {@code CommandMessage} {@code CALL(1)}. */
  FrameInput describe(String type, Object detail) {
    this.type = type;
    this.detail = detail;
    return this;
  }

  /** The first byte of a frame, or -1 if the input ended cleanly before it. */
  int firstByteOrEnd(String field) throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1, field, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  int u16(String field) throws IOException {
    return u16Of(fill(new byte[2], 0, field), 0);
  }

  /** A u16, or -1 if the input ended cleanly before its first byte. */
  int u16OrEnd(String field) throws IOException {
    byte[] b = new byte[2];
    return read(b, 0, 1, field, 0, 2) < 0 ? -1 : u16Of(fill(b, 1, field), 0);
  }

  long u32(String field) throws IOException {
    byte[] b = fill(new byte[4], 0, field);
    return ((long) u16Of(b, 0) << 16) | u16Of(b, 2);
  }

  /**
   * Reads a body whose length came from the peer, after checking it against {@code max}. The buffer
   * grows with the data that actually arrives, so a lying length followed by a short stream ends in
   * truncation without the announced amount ever being allocated.
   */
  Bytes body(long length, long max, String field) throws IOException {
    if (length > max) {
      throw new FrameTooLongException(name(field), length, max);
    }
    byte[] buf = new byte[(int) Math.min(length, FIRST)];
    int filled = 0;
    while (filled < length) {
      if (filled == buf.length) {
        buf = grow(buf, length);
      }
      int n = read(buf, filled, buf.length - filled, field, filled, length);
      if (n < 0) {
        throw new TruncatedFrameException(name(field), filled, length);
      }
      filled += n;
    }
    return Bytes.wrap(buf);
  }

  private void requireEnd(Bytes frame, String frameType) throws MalformedPayloadException {
    if (consumed != frame.size()) {
      throw new MalformedPayloadException(
          frameType + " frame size", frame.size(), consumed + " (as its length fields announce)");
    }
  }

  /** Fills {@code buf} from index {@code filled}, the bytes before it being already read. */
  private byte[] fill(byte[] buf, int filled, String field) throws IOException {
    while (filled < buf.length) {
      int n = read(buf, filled, buf.length - filled, field, filled, buf.length);
      if (n < 0) {
        throw new TruncatedFrameException(name(field), filled, buf.length);
      }
      filled += n;
    }
    return buf;
  }

  private int read(byte[] buf, int off, int len, String field, long got, long expected)
      throws IOException {
    try {
      deadline.beforeRead();
      int n = in.read(buf, off, len);
      if (consumed == 0 && n > 0) {
        deadline.firstByteArrived();
      }
      consumed += Math.max(n, 0);
      return n;
    } catch (SocketTimeoutException e) {
      throw deadline.expired(name(field) + ": " + got + " of " + expected + " bytes", e);
    }
  }

  private String name(String field) {
    return frameName(type, detail) + " " + field;
  }

  /** {@code type} and {@code detail} (e.g. a code) as messages show them; detail may be empty. */
  static String frameName(String type, Object detail) {
    String shown = detail.toString();
    return shown.isEmpty() ? type : type + " " + shown;
  }

  /** Doubles the buffer, but never beyond the announced length. */
  private static byte[] grow(byte[] buf, long length) {
    long next = 2L * buf.length;
    return Arrays.copyOf(buf, (int) Math.min(length, next));
  }

  private static int u16Of(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }
}
