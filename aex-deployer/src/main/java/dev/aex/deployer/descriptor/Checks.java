package dev.aex.deployer.descriptor;

import java.util.Objects;

/**
 * Invariant checks of the model records. The reader reports bad descriptor values with file and
 * item long before these run; they guard programmatic construction only.
 */
final class Checks {
  private Checks() {}

  static int port(String field, int port) {
    return range(field, port, 1, 0xFFFF);
  }

  static int u16(String field, int value) {
    return range(field, value, 0, 0xFFFF);
  }

  /** A counter of next free ids: one past the largest u16 when every id is taken. */
  static int counter(String field, int value, int min) {
    return range(field, value, min, 0x10000);
  }

  /** A send counter of the deployer: the next one it may use, 2^63 − 1 when all are used. */
  static void sendCounter(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          field + ": " + value + " (expected: 0.." + Long.MAX_VALUE + ")");
    }
  }

  static int range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + ".." + max + ")");
    }
    return (int) value;
  }

  /** Record components are never null; absent values are {@code Optional.empty()}. */
  static void nonNull(Object... components) {
    for (Object c : components) {
      Objects.requireNonNull(c, "a record component is null (absent values are Optional.empty())");
    }
  }

  static String name(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + ": empty (expected: a non-empty name)");
    }
    return value;
  }
}
