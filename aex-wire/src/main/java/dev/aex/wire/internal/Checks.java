package dev.aex.wire.internal;

import java.util.Objects;

/**
 * Argument checks for record constructors: values that cannot be encoded are refused when the
 * record is built, with the field, the value and the allowed range, so {@code encode()} never
 * fails. Not exported.
 */
public final class Checks {
  private Checks() {}

  public static int u8(int value, String field) {
    return inRange(value, 0xff, field);
  }

  public static int u16(int value, String field) {
    return inRange(value, 0xffff, field);
  }

  /** As {@link #u16(int, String)}, naming the field {@code type + " " + field} only on failure. */
  public static int u16(int value, String type, String field) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(
          type + " " + field + ": " + value + " (expected: 0..65535)");
    }
    return value;
  }

  public static long u32(long value, String field) {
    if (value < 0 || value > 0xffff_ffffL) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: 0..4294967295)");
    }
    return value;
  }

  /** Non-empty 7-bit ASCII without NUL, the form of C strings on the wire. */
  public static String asciiName(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty() || !value.chars().allMatch(c -> c > 0 && c < 0x80)) {
      throw new IllegalArgumentException(
          field + ": \"" + value + "\" (expected: 1 or more ASCII characters, no NUL)");
    }
    return value;
  }

  /** 7-bit ASCII text. */
  public static String ascii(String value, String field) {
    Objects.requireNonNull(value, field);
    if (!value.chars().allMatch(c -> c < 0x80)) {
      throw new IllegalArgumentException(field + ": non-ASCII text (expected: 7-bit ASCII)");
    }
    return value;
  }

  private static int inRange(int value, int max, String field) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: 0.." + max + ")");
    }
    return value;
  }
}
