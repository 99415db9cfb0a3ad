package dev.aex.wire;

/**
 * The input ended inside a frame: after the first byte and before the last one that the header
 * announced. A clean end of stream before the first byte is not this error; stream readers report
 * it as an empty result, because peers close connections after one command (protocol.md §1.1).
 */
public final class TruncatedFrameException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  private final long received;
  private final long expected;

  /**
   * @param field what was being read, e.g. {@code "Connect frame payload"}
   * @param received how many bytes of that field arrived
   * @param expected how many bytes the field needs
   */
  public TruncatedFrameException(String field, long received, long expected) {
    super(field, received + " bytes before end of input", Long.toString(expected));
    this.received = received;
    this.expected = expected;
  }

  public long received() {
    return received;
  }

  public long expected() {
    return expected;
  }
}
