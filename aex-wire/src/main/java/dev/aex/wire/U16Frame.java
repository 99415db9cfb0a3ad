package dev.aex.wire;

import java.io.IOException;

/** The {@code [code:1]?[len:2][payload:len]} layout shared by the three message types (§1.2). */
final class U16Frame {
  static final int MAX_PAYLOAD = 0xffff;

  private U16Frame() {}

  /** Refuses payloads the u16 length cannot express; {@code detail} is e.g. the code. */
  static void checkPayload(Bytes payload, String type, Object detail) {
    if (payload.size() > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          FrameInput.frameName(type, detail)
              + " payload length: "
              + payload.size()
              + " (expected: <= 65535, a u16 field)");
    }
  }

  /** The frame bytes; {@code code} is -1 for a bare Message. */
  static Bytes encode(int code, Bytes payload) {
    int header = code < 0 ? 2 : 3;
    byte[] frame = new byte[header + payload.size()];
    if (code >= 0) {
      frame[0] = (byte) code;
    }
    frame[header - 2] = (byte) (payload.size() >>> 8);
    frame[header - 1] = (byte) payload.size();
    System.arraycopy(payload.array(), 0, frame, header, payload.size());
    return Bytes.wrap(frame);
  }

  /**
   * Reads {@code [len:2][payload]}, checking {@code len} against {@code max} before the payload.
   */
  static Bytes readLengthAndPayload(FrameInput in, int max) throws IOException {
    return in.body(in.u16("length"), max, "payload");
  }
}
