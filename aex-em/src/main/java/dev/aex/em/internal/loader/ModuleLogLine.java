package dev.aex.em.internal.loader;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a module's stderr, at the level the module logged it. An aex module writes {@code
 * aex-module LEVEL: message}, LEVEL a {@code java.util.logging} level's name, then any further
 * lines of the message or of a stack trace indented (aex-module's OneLineLogFormat); those
 * continue the record before them.
 * Anything else (the module code's own {@code System.err}, an original module's output, a JVM's
 * message, a module that cannot start) is a {@link Level#WARNING}: stderr is where a program says
 * what went wrong, and at info an event manager's default level hid it.
 *
 * @param level the level to log the line at
 * @param text the line without the {@code aex-module LEVEL: } prefix
 */
record ModuleLogLine(Level level, String text) {
  private static final String PREFIX = "aex-module ";
  private static final Map<String, Level> LEVELS = Map.of(
      "SEVERE", Level.ERROR,
      "WARNING", Level.WARNING,
      "INFO", Level.INFO,
      "CONFIG", Level.DEBUG,
      "FINE", Level.DEBUG,
      "FINER", Level.TRACE,
      "FINEST", Level.TRACE);

  /** {@code line} read after {@code previous}, the line before it if any. */
  static ModuleLogLine parse(String line, Optional<ModuleLogLine> previous) {
    int colon = line.startsWith(PREFIX) ? line.indexOf(": ", PREFIX.length()) : -1;
    Level recorded = colon < 0 ? null : LEVELS.get(line.substring(PREFIX.length(), colon));
    if (recorded != null) {
      return new ModuleLogLine(recorded, line.substring(colon + 2));
    }
    boolean continues = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
    return new ModuleLogLine(
        continues ? previous.map(ModuleLogLine::level).orElse(Level.WARNING) : Level.WARNING, line);
  }
}
