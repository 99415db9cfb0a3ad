package dev.aex.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The original's global flags. They belong before the subcommand, as in the original, and are
 * accepted after it as well (every subcommand mixes them in; a flag given in either place counts).
 */
final class GlobalOptions {
  @Option(names = "--verbose", description = "Log at INFO level: what is done, and responses.")
  boolean verbose;

  @Option(names = "--debug", description = "Log at DEBUG level, with stack traces of errors.")
  boolean debug;

  @Option(names = "--manager",
      description = "Use the attestation manager (not supported by aex yet: an error).")
  boolean manager;

  @Option(names = "--timing",
      description = "Print the time of each step to stdout, e.g. \"Deploy time for db: 0.412\".")
  boolean timing;

  @Option(names = "--timeout", paramLabel = "SECONDS", converter = Converters.Seconds.class,
      description = "How long to wait for each answer of an event manager (default: 30; a"
          + " Load's answer twice that).")
  Optional<Duration> timeout = Optional.empty();

  /** The flags given before or after the subcommand. */
  static GlobalOptions merge(GlobalOptions a, GlobalOptions b) {
    GlobalOptions merged = new GlobalOptions();
    merged.verbose = a.verbose || b.verbose;
    merged.debug = a.debug || b.debug;
    merged.manager = a.manager || b.manager;
    merged.timing = a.timing || b.timing;
    merged.timeout = b.timeout.or(() -> a.timeout);
    return merged;
  }

  CliLog.LogLevel logLevel() {
    return debug ? CliLog.LogLevel.DEBUG : verbose ? CliLog.LogLevel.INFO : CliLog.LogLevel.WARNING;
  }
}
