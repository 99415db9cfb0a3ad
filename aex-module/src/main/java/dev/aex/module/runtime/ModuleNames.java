package dev.aex.module.runtime;

import dev.aex.module.spi.Endpoint;
import dev.aex.module.spi.ModuleManifest;
import dev.aex.wire.payload.IoKind;
import dev.aex.wire.payload.ReservedEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How log lines name the module and its endpoints: {@code module sensor}, {@code input reading
 * (0)}, {@code entry set_key (0)}; an id that the manifest lacks (sent by a peer) is {@code
 * unknown input 7}. An event manager's log interleaves the lines of several modules, whose
 * endpoints have the same numbers, so the numbers alone do not say which process to look at. The
 * names come from the module's source, not from its data: unlike what its code throws ({@link
 * UserFailures}), they are not secret.
 */
final class ModuleNames {
  private final String module;
  private final Map<Integer, String> io;
  private final Map<Integer, String> entries;

  ModuleNames(ModuleManifest manifest) {
    this.module = "module " + manifest.name();
    Map<Integer, String> ioById = new HashMap<>();
    describe(ioById, IoKind.INPUT, manifest.inputs());
    describe(ioById, IoKind.OUTPUT, manifest.outputs());
    describe(ioById, IoKind.REQUEST, manifest.requests());
    describe(ioById, IoKind.HANDLER, manifest.handlers());
    this.io = Map.copyOf(ioById);
    Map<Integer, String> entryById = new HashMap<>();
    for (ReservedEntry reserved : ReservedEntry.values()) {
      entryById.put(reserved.id(), describe("entry", lowerCase(reserved.name()), reserved.id()));
    }
    manifest.entries().forEach(e -> entryById.put(e.id(), describe("entry", e.name(), e.id())));
    this.entries = Map.copyOf(entryById);
  }

  /** E.g. {@code module sensor}. */
  String module() {
    return module;
  }

  /** An input, output, request or handler, e.g. {@code input reading (0)}. */
  String io(int ioId) {
    String known = io.get(ioId);
    return known != null
        ? known
        : "unknown " + lowerCase(IoKind.classify(ioId).name()) + " " + ioId;
  }

  /** A reserved or user entry, e.g. {@code entry handle_input (3)}. */
  String entry(int entryId) {
    String known = entries.get(entryId);
    return known != null ? known : "unknown entry " + entryId;
  }

  private static void describe(Map<Integer, String> byId, IoKind kind, List<Endpoint> endpoints) {
    String kindName = lowerCase(kind.name());
    endpoints.forEach(e -> byId.put(e.id(), describe(kindName, e.name(), e.id())));
  }

  private static String describe(String kind, String name, int id) {
    return kind + " " + name + " (" + id + ")";
  }

  private static String lowerCase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
