package dev.aex.crypto.keys;

import java.util.ArrayList;
import java.util.List;

/** One named symbol of a symbol table: only the name and value matter for Sancus identities. */
record SancusElfSymbol(String name, long value) {
  private static final int ENTRY_BYTES = 16;

  /** The named symbols of every SHT_SYMTAB section, with names from each table's linked STRTAB. */
  static List<SancusElfSymbol> readAll(SancusElfInput in, List<SancusElfSection> sections)
      throws SancusElfException {
    List<SancusElfSymbol> out = new ArrayList<>();
    for (SancusElfSection table : sections) {
      if (table.type() == SancusElfSection.TYPE_SYMTAB) {
        readTable(in, table, strings(table, sections), out);
      }
    }
    return List.copyOf(out);
  }

  private static SancusElfSection strings(SancusElfSection table, List<SancusElfSection> sections)
      throws SancusElfException {
    int link = table.link();
    if (link <= 0 || link >= sections.size()
        || sections.get(link).type() != SancusElfSection.TYPE_STRTAB) {
      throw new SancusElfException("symbol table " + table.name() + " string table link: " + link
          + " (expected: the index of an SHT_STRTAB section below " + sections.size() + ")");
    }
    return sections.get(link);
  }

  private static void readTable(SancusElfInput in, SancusElfSection table,
      SancusElfSection strings, List<SancusElfSymbol> out) throws SancusElfException {
    if (table.entrySize() != ENTRY_BYTES || table.size() % ENTRY_BYTES != 0) {
      throw new SancusElfException("symbol table " + table.name() + ": entry size "
          + table.entrySize() + ", size " + table.size()
          + " (expected: entries of " + ENTRY_BYTES + " bytes)");
    }
    in.require(table.offset(), table.size(), "symbol table " + table.name());
    for (long entry = table.offset(); entry < table.offset() + table.size(); entry += ENTRY_BYTES) {
      String name = in.string(strings.offset(), strings.size(), in.u32(entry, "symbol name"),
          "symbol at 0x" + Long.toHexString(entry));
      if (!name.isEmpty()) {
        out.add(new SancusElfSymbol(name, in.u32(entry + 4, "symbol value")));
      }
    }
  }
}
