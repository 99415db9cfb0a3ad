package dev.aex.em;

import java.util.Locale;

/**
 * The log levels of the original event manager's {@code EM_LOG} variable (protocol.md §3.1.1). At
 * {@link #INFO} and above the log says what the event manager did (loads, module exits, errors)
 * but never shows payload bytes; {@link #DEBUG} adds one line per command and event, {@link
 * #TRACE} adds the (bounded) payload bytes.
 */
public enum LogLevel {
  OFF,
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE;

  /**
   * The level named {@code text}, ignoring case, as {@code EM_LOG} takes it.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static LogLevel parse(String text) {
    for (LogLevel level : values()) {
      if (level.name().equalsIgnoreCase(text.strip())) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "log level: \"" + text + "\" (expected: off, error, warn, info, debug or trace)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
