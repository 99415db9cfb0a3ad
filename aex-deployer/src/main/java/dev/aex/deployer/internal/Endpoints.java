package dev.aex.deployer.internal;

import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Connection;
import dev.aex.deployer.descriptor.Descriptor;
import dev.aex.deployer.descriptor.EndpointKind;
import dev.aex.deployer.descriptor.EndpointRef;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.ModuleData;
import dev.aex.deployer.descriptor.ModuleEndpoint;
import dev.aex.deployer.descriptor.PeriodicEvent;
import dev.aex.deployer.descriptor.internal.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Resolves endpoint and entry names to ids (deployer-reference.md §6.4): numbers are used as they
 * are; names are looked up in the module's {@code data}, which a build fills in from the manifest.
 */
final class Endpoints {
  private Endpoints() {}

  static int id(Module m, EndpointKind kind, EndpointRef ref) throws DeployerException {
    return switch (ref) {
      case EndpointRef.Numeric n -> n.id();
      case EndpointRef.Named n -> lookup(m, kind, n.name());
    };
  }

  /** An entry by name, or by id when it is all digits (as the original does). */
  static int entry(Module m, String entry) throws DeployerException {
    if (!entry.isEmpty() && entry.chars().allMatch(Character::isDigit)) {
      try {
        int id = Integer.parseInt(entry);
        if (id <= 0xffff) {
          return id;
        }
      } catch (NumberFormatException tooBig) {
        // fall through to the message below
      }
      throw new DeployerException("module " + m.name() + ": entry id " + entry
          + " is not a u16 (expected: 0..65535)");
    }
    return lookup(m, EndpointKind.ENTRY, entry);
  }

  /**
   * Fails, naming every problem, if a connection or periodic event not established yet names an
   * endpoint or entry that its module's {@code data} (known once it is built) does not have.
   * Modules without data (original modules) are not checked. {@code consequence} says what the
   * command did not do because of it (", so nothing was loaded"), or is empty.
   */
  static void requireResolvable(Descriptor d, String consequence) throws DeployerException {
    List<String> problems = problems(d, c -> !c.established(), e -> !e.established(),
        m -> d.module(m).orElseThrow());
    if (!problems.isEmpty()) {
      throw new DeployerException("The descriptor names what its modules do not have"
          + consequence + "; fix the descriptor (not the result file) and run again:\n  "
          + String.join("\n  ", problems));
    }
  }

  /**
   * What the connections and periodic events of {@code replacement}'s name name that the
   * replacement (an update's new build) does not have: resolved against it, their other ends as
   * {@code d} records them.
   */
  static List<String> problemsOfReplacement(Descriptor d, Module replacement) {
    String name = replacement.name();
    return problems(d, c -> Modules.involves(c, name), e -> e.module().equals(name),
        m -> m.equals(name) ? replacement : d.module(m).orElseThrow());
  }

  private static List<String> problems(Descriptor d, Predicate<Connection> connections,
      Predicate<PeriodicEvent> events, Function<String, Module> modules) {
    List<String> problems = new ArrayList<>();
    for (Connection c : d.connections()) {
      if (connections.test(c)) {
        for (ModuleEndpoint end : c.source().isPresent()
            ? List.of(c.source().get(), c.target()) : List.of(c.target())) {
          Module m = modules.apply(end.module());
          check(problems, "connection " + c.name().orElseThrow(), m,
              () -> id(m, end.kind(), end.endpoint()));
        }
      }
    }
    for (PeriodicEvent e : d.periodicEvents()) {
      if (events.test(e)) {
        Module m = modules.apply(e.module());
        check(problems, "periodic event " + e.name().orElseThrow(), m, () -> entry(m, e.entry()));
      }
    }
    return problems;
  }

  private static void check(List<String> problems, String what, Module m, Resolution resolution) {
    if (m.data().isEmpty()) {
      return;
    }
    try {
      resolution.resolve();
    } catch (DeployerException e) {
      problems.add(what + ": " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface Resolution {
    int resolve() throws DeployerException;
  }

  private static int lookup(Module m, EndpointKind kind, String name) throws DeployerException {
    Optional<ModuleData> data = m.data();
    if (data.isEmpty()) {
      throw new DeployerException("module " + m.name() + ": cannot resolve " + kind.singular()
          + " \"" + name + "\": the module has no endpoint data yet. Build or deploy it first,"
          + " or give the " + kind.singular() + " as a number");
    }
    Optional<Integer> id = data.get().id(kind, name);
    if (id.isPresent()) {
      return id.get();
    }
    String hint = Suggestions.closest(name, data.get().names(kind))
        .map(s -> "; did you mean \"" + s + "\"?").orElse("")
        + Suggestions.otherKinds(data.get(), name, kind);
    throw new DeployerException("module " + m.name() + " has no " + kind.singular() + " named \""
        + name + "\" (its " + kind.manifestKey() + ": "
        + (data.get().names(kind).isEmpty() ? "none" : String.join(", ", data.get().names(kind)))
        + ")" + hint);
  }
}
