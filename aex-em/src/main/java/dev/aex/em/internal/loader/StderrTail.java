package dev.aex.em.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Copies a module's stderr into the event manager's log, line by line at the level the module
 * logged it ({@link ModuleLogLine}), and remembers the last lines, which say why a module that
 * dies has died.
 */
final class StderrTail {
  private static final Logger LOG = System.getLogger(StderrTail.class.getName());
  private static final int KEEP = 20;
  private static final int MAX_LINE = 1000;

  private final ArrayDeque<String> last = new ArrayDeque<>(); // guarded by itself
  private final Thread reader;

  /**
   * {@code name} is read for every line, so it can change once the module id is known. A platform
   * thread: a read of a pipe blocks in the kernel and would hold a virtual thread's carrier for
   * the module's whole life, starving the event manager's virtual threads (shutdown among them)
   * once the scheduler has retired the extra carriers it added for such reads.
   */
  StderrTail(InputStream stderr, Supplier<String> name) {
    this.reader = Thread.ofPlatform().daemon(true).name("aex-em-stderr")
        .start(() -> copy(stderr, name));
  }

  private void copy(InputStream stderr, Supplier<String> name) {
    try (InputStreamReader text = new InputStreamReader(stderr, StandardCharsets.UTF_8)) {
      BoundedLines lines = new BoundedLines(text, MAX_LINE);
      Optional<ModuleLogLine> previous = Optional.empty();
      for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
        String shown = line.get();
        ModuleLogLine logged = ModuleLogLine.parse(shown, previous);
        LOG.log(logged.level(), "{0}: {1}", name.get(), logged.text());
        previous = Optional.of(logged);
        synchronized (last) {
          if (last.size() == KEEP) {
            last.removeFirst();
          }
          last.addLast(shown);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "{0}: stderr closed: {1}", name.get(), e.toString());
    }
  }

  /** The last lines, after waiting up to {@code wait} for the rest of a dead module's output. */
  List<String> lines(Duration wait) {
    try {
      reader.join(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (last) {
      return List.copyOf(last);
    }
  }

  /** The lines as an indented block for a log message, or a note that there were none. */
  String describe(Duration wait) {
    List<String> lines = lines(wait);
    return lines.isEmpty()
        ? "it wrote nothing to stderr"
        : "last stderr lines:\n    " + String.join("\n    ", lines);
  }
}
