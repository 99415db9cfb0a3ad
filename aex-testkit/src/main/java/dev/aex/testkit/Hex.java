package dev.aex.testkit;

import java.util.HexFormat;

/** Lower-case hex, as the vector files write it ("" is the empty byte string). */
public final class Hex {
  private static final HexFormat FORMAT = HexFormat.of();

  private Hex() {}

  public static byte[] decode(String hex) {
    return FORMAT.parseHex(hex.replace(" ", ""));
  }

  public static String encode(byte[] bytes) {
    return FORMAT.formatHex(bytes);
  }
}
