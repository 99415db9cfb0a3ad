package dev.aex.deployer.descriptor;

import java.util.Objects;

/**
 * A connection endpoint as the descriptor names it: by name, looked up in the module's endpoint
 * ids, or by number, used verbatim (deployer-reference.md §2.5, §6.4). Pre-deployed Sancus modules
 * need numbers, since they have no ELF to look names up in.
 */
public sealed interface EndpointRef {
  static EndpointRef of(String name) {
    return new Named(name);
  }

  static EndpointRef of(int id) {
    return new Numeric(id);
  }

  /** An endpoint given by name, e.g. {@code "toggle_led"}. */
  record Named(String name) implements EndpointRef {
    public Named {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** An endpoint given by id, a u16, e.g. {@code 1}. */
  record Numeric(int id) implements EndpointRef {
    public Numeric {
      Checks.u16("endpoint id", id);
    }

    @Override
    public String toString() {
      return Integer.toString(id);
    }
  }
}
