package dev.aex.wire;

/**
 * A complete frame whose bytes do not fit the layout of its message: a wrong size, a field value
 * outside its range, bytes after the end of a frame. An event manager answers it with {@link
 * ResultCode#ILLEGAL_PAYLOAD}.
 */
public final class MalformedPayloadException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param field message and field, e.g. {@code "Connect payload length"}
   * @param value the value received
   * @param expected what the layout requires, e.g. {@code "11"}
   */
  public MalformedPayloadException(String field, Object value, String expected) {
    super(field, value, expected);
  }
}
