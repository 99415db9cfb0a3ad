package dev.aex.em;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command-line options and environment variables of {@code aex em}, parsed as the original
 * event manager reads its environment (protocol.md §3.1.1): {@code EM_PORT}, {@code EM_LOG} and
 * {@code EM_PERIODIC_TASKS}, each overridden by its option. {@code EM_THREADS}, {@code EM_SGX} and
 * {@code EM_MEASURE_TIME} are accepted and ignored, with a note.
 *
 * @param host the address to listen on ({@code --host}; default all interfaces)
 * @param port the port ({@code --port}, else {@code EM_PORT}, else 5000)
 * @param logLevel {@code --log}, else {@code EM_LOG}, else info
 * @param periodicTasks {@code --periodic-tasks}, else {@code EM_PERIODIC_TASKS=true}
 * @param sgx {@code --sgx gramine|simulation}: an SGX node and how its modules start; empty for a
 *     native node
 * @param routeToUnloaded {@code --route-unloaded-modules}: messages may go to module ids it did
 *     not Load, as the original's do
 * @param help whether {@code --help} was given
 * @param notes what was ignored, to print at start
 */
public record EmOptions(
    InetAddress host, int port, LogLevel logLevel, boolean periodicTasks, Optional<SgxLoading> sgx,
    boolean routeToUnloaded, boolean help, List<String> notes) {
  public EmOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(sgx, "sgx");
    Objects.requireNonNull(logLevel, "logLevel");
    notes = List.copyOf(notes);
  }

  /**
   * Warnings to print at start: an SGX node whose modules are simulated, and an event manager
   * that listens on every interface (whoever reaches its port can Load and run a program).
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (sgx.equals(Optional.of(SgxLoading.SIMULATION))) {
      warnings.add("SGX SIMULATION: modules run as plain processes with INSECURE test quotes;"
          + " nothing is isolated (for tests and demos only)");
    }
    if (host.isAnyLocalAddress()) {
      warnings.add("listening on all interfaces: whoever reaches port " + port + " can load and"
          + " run a program here (Load is unauthenticated, as in the original). On one machine,"
          + " give --host 127.0.0.1; otherwise keep the port behind a firewall");
    }
    return warnings;
  }

  /** A wrong option or variable; the message says which, the value, and what is expected. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  public static String usage() {
    return """
        usage: aex em [--host ADDRESS] [--port PORT] [--log LEVEL] [--periodic-tasks] [--sgx MODE]
                      [--route-unloaded-modules]
          --host ADDRESS     address to listen on (default: all interfaces)
          --port PORT        port to listen on, 1..65535; modules listen on PORT + module id
                             (default: $EM_PORT, else 5000)
          --log LEVEL        off, error, warn, info, debug or trace (default: $EM_LOG, else info)
          --periodic-tasks   run periodic events (default: $EM_PERIODIC_TASKS, else false)
          --sgx MODE         an SGX node: Loads are in the SGX format and start modules with
                             gramine-sgx (MODE gramine) or, INSECURE and for tests only, as
                             plain JVMs with simulated quotes (MODE simulation); default: a
                             native node
          --route-unloaded-modules
                             also send events, calls and requests to module ids this event
                             manager did not Load (modules started by hand beside it), as the
                             original does; by default a client cannot make it talk to other
                             services on loopback
          -h, --help         show this help
        exit status: 130 after Ctrl-C and 143 after SIGTERM (it stopped cleanly), 1 if it
        cannot start (the message says why, e.g. a port in use), 2 for a bad option or value
        """;
  }

  /**
   * Parses {@code args} over {@code env}.
   *
   * @throws UsageException for an unknown option, a missing or bad value
   */
  public static EmOptions parse(List<String> args, Map<String, String> env) throws UsageException {
    List<String> notes = new ArrayList<>();
    Builder b = new Builder(env, notes);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      boolean inline = !name.equals(arg);
      switch (name) {
        case "-h", "--help" -> b.help = true;
        case "--periodic-tasks" -> b.periodic = true;
        case "--route-unloaded-modules" -> b.routeToUnloaded = true;
        case "--host", "--port", "--log", "--sgx" -> {
          String value = inline ? arg.substring(eq + 1) : valueAfter(args, i++, name);
          b.set(name, value);
        }
        default -> throw new UsageException("unknown option: " + arg);
      }
    }
    return b.build();
  }

  /** Options for {@link EventManager#builder()}. */
  public EventManager.Builder toBuilder() {
    EventManager.Builder builder =
        EventManager.builder().host(host).port(port).logLevel(logLevel).periodicTasks(periodicTasks)
            .routeToUnloadedModules(routeToUnloaded);
    sgx.ifPresent(builder::sgx);
    return builder;
  }

  private static String valueAfter(List<String> args, int i, String name) throws UsageException {
    if (i + 1 >= args.size()) {
      throw new UsageException(name + " needs a value");
    }
    return args.get(i + 1);
  }

  private static final class Builder {
    private final List<String> notes;
    private InetAddress host;
    private int port;
    private LogLevel log;
    private boolean periodic;
    private Optional<SgxLoading> sgx = Optional.empty();
    private boolean routeToUnloaded;
    private boolean help;

    Builder(Map<String, String> env, List<String> notes) throws UsageException {
      this.notes = notes;
      this.host = new InetSocketAddress(0).getAddress();
      this.port = env.containsKey("EM_PORT") ? port(env.get("EM_PORT"), "EM_PORT") : 5000;
      this.log = env.containsKey("EM_LOG") ? log(env.get("EM_LOG"), "EM_LOG") : LogLevel.INFO;
      this.periodic = env.containsKey("EM_PERIODIC_TASKS") && bool(env.get("EM_PERIODIC_TASKS"));
      ignored(env, "EM_THREADS", "each connection has a thread of its own");
      ignored(env, "EM_MEASURE_TIME", "no timestamps are printed");
      if ("true".equalsIgnoreCase(env.getOrDefault("EM_SGX", "false"))) {
        notes.add("EM_SGX=true ignored: give --sgx gramine (or --sgx simulation) for an SGX node");
      }
    }

    void set(String name, String value) throws UsageException {
      switch (name) {
        case "--host" -> host = host(value);
        case "--port" -> port = port(value, "--port");
        case "--sgx" -> sgx = Optional.of(sgx(value));
        default -> log = log(value, "--log");
      }
    }

    EmOptions build() {
      return new EmOptions(host, port, log, periodic, sgx, routeToUnloaded, help, notes);
    }

    private void ignored(Map<String, String> env, String name, String why) {
      if (env.containsKey(name)) {
        notes.add(name + " ignored: " + why);
      }
    }

    private static int port(String text, String source) throws UsageException {
      try {
        int port = Integer.parseInt(text.strip());
        if (port >= 1 && port <= 0xffff) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(source + ": \"" + text + "\" (expected: a port 1..65535)");
    }

    private static SgxLoading sgx(String text) throws UsageException {
      try {
        return SgxLoading.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--sgx: " + e.getMessage());
      }
    }

    private static LogLevel log(String text, String source) throws UsageException {
      try {
        return LogLevel.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UsageException(source + ": " + e.getMessage());
      }
    }

    private static boolean bool(String text) throws UsageException {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new UsageException("EM_PERIODIC_TASKS: \"" + text + "\" (expected: true or false)");
      };
    }

    private static InetAddress host(String text) throws UsageException {
      try {
        return InetAddress.getByName(text.strip());
      } catch (UnknownHostException e) {
        throw new UsageException("--host: \"" + text + "\" is not an address or a known host name");
      }
    }
  }
}
