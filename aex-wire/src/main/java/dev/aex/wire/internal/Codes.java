package dev.aex.wire.internal;

import dev.aex.wire.UnknownCodeException;

/** Strict lookup for code enums whose constants are declared in wire-value order. Not exported. */
public final class Codes {
  private Codes() {}

  /**
   * @throws UnknownCodeException if {@code b}, read unsigned, has no constant
   */
  public static <E extends Enum<E>> E lookup(E[] byValue, byte b, String codeType)
      throws UnknownCodeException {
    int value = b & 0xff;
    if (value >= byValue.length) {
      throw new UnknownCodeException(codeType, value, "0.." + (byValue.length - 1));
    }
    return byValue[value];
  }
}
