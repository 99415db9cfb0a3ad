package dev.aex.wire.payload;

import dev.aex.wire.UnknownCodeException;
import dev.aex.wire.internal.Codes;

/**
 * The {@code enc} byte of {@link SetKey}: the cipher of the connection being set up (protocol.md
 * §4.2, §5). {@link #toString} shows name and value, e.g. {@code SPONGENT(1)}.
 */
public enum Encryption {
  /** AES-128-GCM (§5.1). */
  AES(0),
  /** SpongeWrap over SPONGENT, 128-bit (§5.2). */
  SPONGENT(1);

  private static final Encryption[] BY_VALUE = values();

  private final int value;

  Encryption(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  /**
   * @throws UnknownCodeException for values other than 0 and 1
   */
  public static Encryption fromByte(byte b) throws UnknownCodeException {
    return Codes.lookup(BY_VALUE, b, "Encryption");
  }

  @Override
  public String toString() {
    return name() + "(" + value + ")";
  }
}
