package dev.aex.em.internal.loader;

import dev.aex.wire.LocalTransport;
import dev.aex.wire.ModuleEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a module executable as the original does: no arguments, the event manager's environment;
 * for a native module, two variables more (an original module ignores them). The module's stdin
 * is a pipe that the returned {@link Process} holds open until it is collected, that is for as
 * long as the event manager keeps the module.
 */
final class Spawner {
  private static final int ATTEMPTS = 5;

  private Spawner() {}

  /**
   * Starts {@code file}, telling an aex module to listen in {@code socketFolder} too and to stop
   * when its stdin ends (aex-em/README.md, "Module connections"; not for SGX modules, whose Unix
   * domain sockets do not reach outside the enclave); stdout goes where the event manager's goes,
   * stderr to the caller.
   *
   * <p>Retries on "Text file busy": a process that another thread forks at the moment the file
   * was still open for writing holds that descriptor until its own exec, and Linux refuses to
   * run a file open for writing.
   */
  static Process spawn(Path file, Path socketFolder) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(file.toString()));
    builder.environment().put(LocalTransport.FOLDER_VARIABLE, socketFolder.toString());
    builder.environment().put(ModuleEnvironment.EXIT_WITH_STDIN, "1");
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
