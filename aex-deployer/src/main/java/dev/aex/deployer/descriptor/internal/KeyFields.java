package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aex.crypto.SymmetricKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Key fields: hex strings (module, node and connection keys) and byte lists (the manager's key).
 * A bad key is described by its shape only, so that a near-miss key never reaches a log.
 */
public final class KeyFields {
  private KeyFields() {}

  /** A hex key of one of {@code byteLengths} (each 8, 16 or 32). */
  public static Optional<SymmetricKey> hex(Fields f, String field, boolean required,
      List<Integer> byteLengths) {
    String expected = hexExpectation(byteLengths);
    if (!f.present(field)) {
      return required ? f.missing(field, expected) : Optional.empty();
    }
    JsonNode v = f.value(field);
    if (v.isTextual() && isHexOfLength(v.textValue(), byteLengths)) {
      return Optional.of(SymmetricKey.copyOf(HexFormat.of().parseHex(v.textValue())));
    }
    f.report().error(field, "expected " + expected + ", found " + Values.describeSecret(v));
    return Optional.empty();
  }

  /** A 16-byte key written as a list of 16 integers 0..255, as in the manager file. */
  public static Optional<SymmetricKey> byteList(Fields f, String field) {
    String expected = "a list of 16 integers 0..255";
    if (!f.present(field)) {
      return f.missing(field, expected);
    }
    JsonNode v = f.value(field);
    if (v.isArray() && v.size() == 16) {
      byte[] key = new byte[16];
      boolean ok = true;
      for (int i = 0; i < 16; i++) {
        JsonNode e = v.get(i);
        ok &= e.isIntegralNumber() && e.canConvertToInt() && e.intValue() >= 0 && e.intValue() <= 255;
        key[i] = (byte) e.intValue();
      }
      if (ok) {
        return Optional.of(SymmetricKey.copyOf(key));
      }
    }
    f.report().error(field, "expected " + expected + ", found " + Values.describeSecret(v));
    return Optional.empty();
  }

  private static boolean isHexOfLength(String text, List<Integer> byteLengths) {
    return byteLengths.contains(text.length() / 2) && text.length() % 2 == 0
        && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  private static String hexExpectation(List<Integer> byteLengths) {
    String digits = byteLengths.stream().map(n -> Integer.toString(2 * n))
        .collect(Collectors.joining(" or "));
    String bytes = byteLengths.stream().map(n -> Integer.toString(n))
        .collect(Collectors.joining(" or "));
    return digits + " hex digits (a " + bytes + "-byte key)";
  }
}
