package dev.aex.em.internal.loader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a module executable as the original does: no arguments, the event manager's environment;
 * for a native module, one variable more (an original module ignores it).
 */
final class Spawner {
  private static final int ATTEMPTS = 5;
  /**
   * The folder in which an aex module listens on {@code <port>.sock} besides its TCP port, the
   * event manager's own (aex-em/README.md, "Module connections"). Not for SGX modules: a Gramine
   * enclave's Unix domain sockets do not reach outside it.
   */
  static final String SOCKETS_VARIABLE = "AEX_ENTRY_SOCKETS";

  private Spawner() {}

  /**
   * Starts {@code file}, telling an aex module to listen in {@code socketFolder} too; stdout goes
   * where the event manager's goes, stderr to the caller.
   *
   * <p>Retries on "Text file busy": a process that another thread forks at the moment the file
   * was still open for writing holds that descriptor until its own exec, and Linux refuses to
   * run a file open for writing.
   */
  static Process spawn(Path file, Path socketFolder) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(file.toString()));
    builder.environment().put(SOCKETS_VARIABLE, socketFolder.toString());
    return spawn(builder);
  }

  /** Starts {@code builder}'s command as {@link #spawn(Path, Path)} does. */
  static Process spawn(ProcessBuilder builder) throws IOException, InterruptedException {
    builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.PIPE);
    for (int attempt = 1; ; attempt++) {
      try {
        return builder.start();
      } catch (IOException e) {
        if (attempt == ATTEMPTS || !textBusy(e)) {
          throw e;
        }
        Thread.sleep(20L * attempt);
      }
    }
  }

  private static boolean textBusy(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("error=26") || message.contains("Text file busy");
  }
}
