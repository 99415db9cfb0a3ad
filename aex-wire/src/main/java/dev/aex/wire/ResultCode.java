package dev.aex.wire;

import dev.aex.wire.internal.Codes;

/**
 * The result byte of a {@link ResultMessage} (protocol.md §1.5), as reactive-net and the Rust
 * libraries number it.
 *
 * <p>{@link #fromByte} is strict like the Python reader: values 8..255 are rejected (the Rust
 * reader would map them to {@link #GENERIC_ERROR}). Note that the TrustZone and Sancus event
 * managers call value 6 "GenericError"; none of them ever sends 6, so the difference does not reach
 * the wire. {@link #toString} shows name and value, e.g. {@code ILLEGAL_PAYLOAD(2)}.
 */
public enum ResultCode {
  OK(0),
  ILLEGAL_COMMAND(1),
  ILLEGAL_PAYLOAD(2),
  INTERNAL_ERROR(3),
  BAD_REQUEST(4),
  CRYPTO_ERROR(5),
  /** Defined but never produced by any component. */
  NOT_ATTESTED_YET(6),
  GENERIC_ERROR(7);

  private static final ResultCode[] BY_VALUE = values();

  private final int value;

  ResultCode(int value) {
    this.value = value;
  }

  /** The byte on the wire, 0..7. */
  public int value() {
    return value;
  }

  /**
   * The code for a wire byte.
   *
   * @throws UnknownCodeException for values outside 0..7, naming the value
   */
  public static ResultCode fromByte(byte b) throws UnknownCodeException {
    return Codes.lookup(BY_VALUE, b, "ResultCode");
  }

  @Override
  public String toString() {
    return name() + "(" + value + ")";
  }
}
