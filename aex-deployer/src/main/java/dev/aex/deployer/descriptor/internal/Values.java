package dev.aex.deployer.descriptor.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes a found value for a message: short, and never the text of a possible secret. */
final class Values {
  private static final int MAX_TEXT = 40;

  private Values() {}

  static String describe(JsonNode v) {
    if (v.isTextual()) {
      String text = v.textValue();
      String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
      return "\"" + shown + "\" (a string)";
    }
    return describeShape(v, false);
  }

  /** The shape of a value only: for key fields, whose text must not reach a log. */
  static String describeSecret(JsonNode v) {
    if (v.isTextual()) {
      return "a string of " + v.textValue().length() + " characters";
    }
    return describeShape(v, true);
  }

  private static String describeShape(JsonNode v, boolean secret) {
    if (v.isArray()) {
      return "a list of " + v.size() + (v.size() == 1 ? " item" : " items");
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isNumber() && secret) {
      return "a number (in YAML, quote hex keys so they stay strings)";
    }
    return v.toString();
  }
}
