package dev.aex.cli;

import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where one run of the command reads and writes: its streams, environment and working folder,
 * whether it runs in a terminal (progress lines are shown only then), and how a descriptor is
 * opened. Tests run the command in-process with their own.
 */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Path cwd,
    boolean terminal, SessionOpener opener) {
  CliContext {
    env = Map.copyOf(env);
    cwd = cwd.toAbsolutePath().normalize();
  }

  /** The process's own streams, environment and folder, over the real deployer. */
  static CliContext system() {
    return new CliContext(System.out, System.err, System.getenv(), Path.of(""), Terminal.isTerminal(),
        SessionOpener.deployer());
  }

  /** How the user runs aex, for the commands that messages suggest: the aex script passes it. */
  String program() {
    return env.getOrDefault("AEX_PROGRAM", "aex");
  }

  /**
   * A path the user typed, relative to this run's folder. In the process's own folder it stays as
   * typed, so that messages show the user's spelling.
   */
  Path resolve(String path) {
    Path p = Path.of(path);
    if (p.isAbsolute() || cwd.equals(Path.of("").toAbsolutePath().normalize())) {
      Path normal = p.normalize();
      return normal.toString().isEmpty() ? Path.of(".") : normal;
    }
    return cwd.resolve(p).normalize();
  }

  /**
   * The deployer's settings for {@code workspace} (made absolute, so that the deployer's messages
   * and recorded paths never read "/x/./build"), reporting through {@code log}, with the timing
   * lines when {@code timing}.
   */
  DeployerSettings settings(Path workspace, CliLog log, GlobalOptions flags) {
    DeployerSettings settings = DeployerSettings.defaults(cwd.resolve(workspace).normalize())
        .withListener(new CliListener(out, err, log, flags.timing, terminal))
        .withCounterLedger(counterLedger());
    return flags.timeout.map(settings::withTimeout).orElse(settings);
  }

  /**
   * The user's counter ledger (docs/cli.md): {@code $AEX_STATE_DIR/counters}, else under {@code
   * $XDG_STATE_HOME} or {@code ~/.local/state}, {@code aex/counters}; none without a home.
   */
  CounterLedger counterLedger() {
    Optional<Path> state = absolute("AEX_STATE_DIR")
        .or(() -> absolute("XDG_STATE_HOME").map(d -> d.resolve("aex")))
        .or(() -> absolute("HOME").map(h -> h.resolve(".local/state/aex")));
    return state.map(d -> CounterLedger.inFolder(d.resolve("counters")))
        .orElse(CounterLedger.none());
  }

  /**
   * The folder a variable names; an empty or relative value counts as unset (as XDG says), since
   * it would give each working folder a ledger of its own and so none that copies share.
   */
  private Optional<Path> absolute(String variable) {
    return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank()).map(Path::of)
        .filter(Path::isAbsolute);
  }
}
