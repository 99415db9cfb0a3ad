package dev.aex.wire;

/**
 * A length field announced more bytes than the reader allows ({@link ReadLimits}) or than the field
 * can hold. Thrown before anything of that size is allocated or read.
 */
public final class FrameTooLongException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  private final long declared;
  private final long max;

  public FrameTooLongException(String field, long declared, long max) {
    super(field, declared + " bytes", "<= " + max);
    this.declared = declared;
    this.max = max;
  }

  public long declared() {
    return declared;
  }

  public long max() {
    return max;
  }
}
