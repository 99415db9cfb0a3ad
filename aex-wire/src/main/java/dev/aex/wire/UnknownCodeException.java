package dev.aex.wire;

/**
 * A code byte that the current protocol revision does not define (protocol.md §1.4, §1.5, §8.1),
 * e.g. {@code unknown CommandCode: 9 (expected: 0..7)}. An event manager answers an unknown command
 * code with {@link ResultCode#ILLEGAL_COMMAND}.
 */
public final class UnknownCodeException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  private final int value;

  /**
   * @param codeType the enum, e.g. {@code "CommandCode"}
   * @param value the unsigned value received
   * @param expected the valid range, e.g. {@code "0..7"}
   */
  public UnknownCodeException(String codeType, int value, String expected) {
    super("unknown " + codeType, value, expected);
    this.value = value;
  }

  /** The unsigned value received. */
  public int value() {
    return value;
  }
}
