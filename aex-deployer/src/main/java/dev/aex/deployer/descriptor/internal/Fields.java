package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reading of one descriptor item's fields. Every accessor returns empty when the field is
 * absent or bad, and reports what is bad; "present" means the key exists with a non-null value, as
 * in the original's rules (deployer-reference.md §2.2).
 */
public final class Fields {
  static final String U16 = "an integer 0..65535";
  static final String SEND_COUNTER = "an integer 0.." + Long.MAX_VALUE;
  static final String POSITIVE_U16 = "a positive u16 (1..65535)";

  private final ObjectNode object;
  private final Report report;
  private final Set<String> known;

  /** Field names in declaration order, so messages and suggestions are deterministic. */
  public static Set<String> ordered(String... names) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
  }

  /** @param known the item's field names, to tell a misspelt field from a missing one */
  public Fields(ObjectNode object, Report report, Set<String> known) {
    this.object = object;
    this.report = report;
    this.known = known;
  }

  public Report report() {
    return report;
  }

  public ObjectNode object() {
    return object;
  }

  public boolean present(String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  /** The value of a present field; call after {@link #present}. */
  JsonNode value(String field) {
    return object.get(field);
  }

  public Optional<String> requiredString(String field) {
    return present(field) ? optionalString(field) : missing(field, "a string");
  }

  public Optional<String> optionalString(String field) {
    if (!present(field)) {
      return Optional.empty();
    }
    JsonNode v = value(field);
    return v.isTextual() ? Optional.of(v.textValue()) : wrongType(field, "a string", v);
  }

  /** A required non-empty string: a name or path, which an empty string cannot be. */
  public Optional<String> requiredName(String field) {
    return present(field) ? optionalName(field) : missing(field, "a non-empty string");
  }

  public Optional<String> optionalName(String field) {
    Optional<String> text = present(field) && !value(field).isTextual()
        ? wrongType(field, "a non-empty string", value(field))
        : optionalString(field);
    if (text.filter(String::isEmpty).isPresent()) {
      report.error(field, "expected a non-empty string, found \"\"");
      return Optional.empty();
    }
    return text;
  }

  public Optional<Boolean> optionalBool(String field) {
    if (!present(field)) {
      return Optional.empty();
    }
    JsonNode v = value(field);
    return v.isBoolean() ? Optional.of(v.booleanValue()) : wrongType(field, "true or false", v);
  }

  public Optional<Integer> requiredInt(String field, long min, long max, String expected) {
    return present(field) ? optionalLong(field, min, max, expected).map(Long::intValue)
        : missing(field, expected);
  }

  public Optional<Integer> optionalInt(String field, long min, long max, String expected) {
    return optionalLong(field, min, max, expected).map(Long::intValue);
  }

  public Optional<Long> optionalLong(String field, long min, long max, String expected) {
    if (!present(field)) {
      return Optional.empty();
    }
    JsonNode v = value(field);
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      long n = v.longValue();
      if (n >= min && n <= max) {
        return Optional.of(n);
      }
    }
    return wrongType(field, expected, v);
  }

  public Optional<List<String>> requiredStrings(String field) {
    return present(field) ? optionalStrings(field) : missing(field, "a list of strings");
  }

  public Optional<List<String>> optionalStrings(String field) {
    if (!present(field)) {
      return Optional.empty();
    }
    JsonNode v = value(field);
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(e -> out.add(e.isTextual() ? e.textValue() : null));
    }
    if (!v.isArray() || out.contains(null)) {
      return wrongType(field, "a list of strings", v);
    }
    return Optional.of(out);
  }

  /** Reports a bad value of the right field; the value is shown unless it may be secret. */
  public <T> Optional<T> wrongType(String field, String expected, JsonNode found) {
    report.error(field, "expected " + expected + ", found " + Values.describe(found));
    return Optional.empty();
  }

  /** Reports a missing field, naming a present near-miss that was probably meant. */
  public <T> Optional<T> missing(String field, String expected) {
    Optional<String> misspelt = Suggestions.closest(field, unknownKeys());
    String hint = misspelt.map(m -> "; rename \"" + m + "\" to \"" + field + "\"").orElse("");
    report.error(field, "missing (expected: " + expected + ")" + hint);
    return Optional.empty();
  }

  /** Reports each field not in {@code known}: an error or a warning ("ignored", as the original). */
  public void checkUnknown(boolean asError) {
    if (!asError) {
      ignoreUnknown(Set.of());
      return;
    }
    for (String key : unknownKeys()) {
      report.error(key, "unknown field (expected one of: " + String.join(", ", known) + ")",
          Suggestions.closest(key, known));
    }
  }

  /**
   * Warns of each field not in {@code known}, ignored as the original ignores it, but for those
   * in {@code ofOtherTypes}: fields of another node or module type, which the original's own
   * examples carry along (vendor_key and ra_settings on native modules, aesm_host on native
   * nodes), so a warning for them would be noise on every command.
   */
  public void ignoreUnknown(Set<String> ofOtherTypes) {
    for (String key : unknownKeys()) {
      if (!ofOtherTypes.contains(key)) {
        report.warning(key, "unknown field, ignored", Suggestions.closest(key, known));
      }
    }
  }

  private List<String> unknownKeys() {
    List<String> unknown = new ArrayList<>();
    object.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        unknown.add(k);
      }
    });
    return unknown;
  }
}
