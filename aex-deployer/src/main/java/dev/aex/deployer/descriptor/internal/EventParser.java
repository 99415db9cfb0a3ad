package dev.aex.deployer.descriptor.internal;

import dev.aex.deployer.descriptor.PeriodicEvent;
import java.util.Optional;
import java.util.Set;

/** One {@code periodic-events} item: the rules of default/periodic_event.yaml (§2.2, §2.6). */
public final class EventParser {
  static final Set<String> KNOWN =
      Fields.ordered("name", "id", "module", "entry", "frequency", "established");

  private EventParser() {}

  public static Optional<PeriodicEvent> parse(Item item, Report report) {
    int before = report.errorCount();
    Fields f = new Fields(item.object(), report, KNOWN);
    Optional<String> name = f.optionalName("name");
    Optional<Integer> id = f.optionalInt("id", 0, Integer.MAX_VALUE, "an integer ≥ 0");
    Optional<String> module = f.requiredName("module");
    Optional<String> entry = f.present("entry") && f.value("entry").isIntegralNumber()
        ? f.wrongType("entry", "a string: an entry name, or its id in quotes", f.value("entry"))
        : f.requiredName("entry");
    Optional<Long> frequency = f.present("frequency")
        ? f.optionalLong("frequency", 1, 0xFFFF_FFFFL, "a positive u32 (milliseconds)")
        : f.missing("frequency", "a positive u32 (milliseconds)");
    boolean established = f.optionalBool("established").orElse(false);
    f.checkUnknown(false);
    if (report.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new PeriodicEvent(name, id, module.orElseThrow(), entry.orElseThrow(),
        frequency.orElseThrow(), established));
  }
}
