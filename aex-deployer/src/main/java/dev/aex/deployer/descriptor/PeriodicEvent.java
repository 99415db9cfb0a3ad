package dev.aex.deployer.descriptor;

import java.util.Optional;

/**
 * A periodic event (deployer-reference.md §2.6): the event manager calls a module's entry every
 * {@code frequency} milliseconds. Untrusted, and off by default on the event managers.
 *
 * @param name the event's name (default {@code event<id>}, assigned by the {@link Planner})
 * @param id the event id; default: the descriptor's next free event id
 * @param module the module whose entry is called
 * @param entry the entry's name, or its id as a decimal string
 * @param frequency the period in milliseconds, a positive u32
 * @param established whether the event manager has registered it
 */
public record PeriodicEvent(Optional<String> name, Optional<Integer> id, String module,
    String entry, long frequency, boolean established) {
  public PeriodicEvent {
    Checks.nonNull(name, id);
    id.ifPresent(v -> Checks.range("id", v, 0, Integer.MAX_VALUE));
    Checks.name("module", module);
    Checks.name("entry", entry);
    Checks.range("frequency", frequency, 1, 0xFFFF_FFFFL);
  }

  /** This event with its id and name assigned. */
  public PeriodicEvent withAssignment(int newId, String newName) {
    return new PeriodicEvent(Optional.of(newName), Optional.of(newId), module, entry, frequency,
        established);
  }
}
