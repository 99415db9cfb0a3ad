package dev.aex.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of the command: its exit status and what it printed. */
record CliRun(int status, String out, String err) {
  static CliRun run(Path cwd, SessionOpener opener, String... args) {
    return run(cwd, opener, false, args);
  }

  static CliRun run(Path cwd, SessionOpener opener, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      CliContext context = new CliContext(o, e, Map.of(), cwd, terminal, opener);
      int status = Main.run(context, args);
      return new CliRun(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
