package dev.aex.em.internal.loader;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * The lines of a module's output, each cut at a length: a module that writes without newlines
 * (progress dots, binary data) must not grow the event manager's heap, as a line reader would
 * while it waits for the end of the line.
 */
final class BoundedLines {
  private final Reader in;
  private final int max;
  private final char[] buffer = new char[8192];
  private int position;
  private int end;

  BoundedLines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /**
   * The next line, without its {@code \n} or {@code \r\n}, its first {@code max} characters and
   * "…" if it was longer; empty at the end of the stream.
   */
  Optional<String> next() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean cut = false;
    while (true) {
      if (position == end) {
        end = Math.max(0, in.read(buffer));
        position = 0;
        if (end == 0) {
          return line.isEmpty() && !cut ? Optional.empty() : Optional.of(finish(line, cut));
        }
      }
      char c = buffer[position++];
      if (c == '\n') {
        return Optional.of(finish(line, cut));
      }
      if (line.length() < max) {
        line.append(c);
      } else {
        cut = true;
      }
    }
  }

  private static String finish(StringBuilder line, boolean cut) {
    if (!cut && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
      line.setLength(line.length() - 1);
    }
    return cut ? line + "…" : line.toString();
  }
}
