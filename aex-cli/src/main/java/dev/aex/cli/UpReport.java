package dev.aex.cli;

import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code aex up} prints once everything runs: the nodes with their event managers, the
 * modules with node, id and port, the command line for each direct connection, the entries one
 * can call, the status and update commands, and the lines of an optional hints file beside the
 * descriptor ({@value #HINTS}); the commands only where the application stays up.
 */
final class UpReport {
  /** The optional hints file, beside the descriptor. */
  static final String HINTS = "aex-up.txt";

  private final PrintStream out;
  private final String command;
  private final String program;
  private final Path descriptor;
  private final Path result;
  private final Path cwd;
  private final Path workspace;

  /** {@code cwd}, {@code workspace}: absolute, the folder of the run and where it built. */
  UpReport(PrintStream out, String command, String program, Path descriptor, Path result,
      Path cwd, Path workspace) {
    this.out = out;
    this.command = command;
    this.program = program;
    this.descriptor = descriptor;
    this.result = result;
    this.cwd = cwd;
    this.workspace = workspace;
  }

  /** {@code lasts}: whether the application stays up after this command, for the commands. */
  void print(Descriptor state, LocalNodes nodes, boolean lasts) throws IOException {
    out.println("aex " + command + ": " + descriptor + " is up; the result is in " + result);
    out.println();
    out.println("Nodes");
    for (LocalNodes.Entry entry : nodes.entries()) {
      out.println(Rows.node(entry.node(), "event manager " + entry.how()));
    }
    out.println();
    out.println("Modules");
    for (Module module : state.modules()) {
      out.println(Rows.module(module, ""));
    }
    if (!state.periodicEvents().isEmpty()) {
      out.println();
      out.println("Periodic events (the event managers call these entries)");
      state.periodicEvents().forEach(e -> out.println(Rows.periodicEvent(e, "registered")));
    }
    if (lasts) {
      printCommands(state);
    }
    out.flush();
  }

  /**
   * Why the commands were left out: the event managers started here stop as the command exits,
   * for {@code option} ({@code --no-wait}, say).
   */
  void printStopping(LocalNodes nodes, String option) {
    String started = String.join(", ", nodes.entries().stream()
        .filter(e -> e.started().isPresent()).map(e -> e.node().name()).toList());
    out.println();
    out.println("With " + option + ", the event managers started here (" + started + ") stop as"
        + " aex " + command + " exits, and their modules with them, so no commands to use the"
        + " application are shown: leave out " + option + " to keep it up.");
    out.flush();
  }

  private void printCommands(Descriptor state) throws IOException {
    String res = quote(result.toString());
    List<Connection> direct = state.connections().stream().filter(Connection::direct).toList();
    if (!direct.isEmpty()) {
      out.println();
      out.println("Direct connections (add --arg HEX to send data)");
      for (Connection connection : direct) {
        String name = connection.name().orElse("?");
        ModuleEndpoint target = connection.target();
        boolean handler = target.kind() == EndpointKind.HANDLER;
        out.println("  " + name + ": to " + target.module() + " " + target.kind().singular()
            + " " + target.endpoint());
        out.println("    " + program + (handler ? " --verbose request" : " output")
            + " --connection " + quote(name) + " " + res);
      }
    }
    List<String> entries = new ArrayList<>();
    for (Module module : state.modules()) {
      Set<String> names = new TreeSet<>(module.data()
          .map(d -> d.names(EndpointKind.ENTRY)).orElse(Set.of()));
      if (!names.isEmpty()) {
        entries.add("  " + module.name() + ": " + String.join(", ", names));
      }
    }
    if (!entries.isEmpty()) {
      out.println();
      out.println("Entries (" + program + " --verbose call --module MODULE --entry ENTRY"
          + " [--arg HEX] " + res + ")");
      entries.forEach(out::println);
    }
    out.println();
    out.println("Whether every event manager and module still answers:");
    out.println("  " + program + " status " + res);
    out.println();
    out.println("After changing a module's code, its new instance (the others run on):");
    out.println("  " + UpdateLine.of(program, cwd, workspace, "--module MODULE",
        result.toString()));
    List<String> hints = hints(res);
    if (!hints.isEmpty()) {
      out.println();
      hints.forEach(out::println);
    }
  }

  /**
   * The lines of {@value #HINTS} beside the descriptor, with {@code {aex}} and {@code {result}}
   * replaced; lines starting with {@code #} are comments.
   */
  private List<String> hints(String res) throws IOException {
    Path parent = descriptor.toAbsolutePath().getParent();
    Path file = parent == null ? Path.of(HINTS) : parent.resolve(HINTS);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream()
        .filter(line -> !line.startsWith("#"))
        .map(line -> line.replace("{aex}", program).replace("{result}", res))
        .toList();
  }

  static String quote(String word) {
    return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
