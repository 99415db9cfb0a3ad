package dev.aex.crypto.keys;

import java.util.ArrayList;
import java.util.List;

/** One section header, with its name resolved. */
record SancusElfSection(
    String name, int type, long address, long offset, long size, int link, long entrySize) {
  static final int TYPE_SYMTAB = 2;
  static final int TYPE_STRTAB = 3;
  static final int TYPE_NOBITS = 8;

  /** All section headers; the whole table is range-checked before any entry is read. */
  static List<SancusElfSection> readAll(SancusElfInput in, SancusElfHeader header)
      throws SancusElfException {
    long table = header.sectionTableOffset();
    int count = header.sectionCount();
    in.require(table, (long) count * SancusElfHeader.SECTION_HEADER_BYTES,
        "section header table (" + count + " entries)");
    long namesEntry = table + (long) header.sectionNamesIndex() * SancusElfHeader.SECTION_HEADER_BYTES;
    SancusElfSection names = read(in, namesEntry, "", header.sectionNamesIndex());
    if (names.type() != TYPE_STRTAB) {
      throw new SancusElfException("section name table type: " + names.type()
          + " (expected: " + TYPE_STRTAB + ", SHT_STRTAB)");
    }
    List<SancusElfSection> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long entry = table + (long) i * SancusElfHeader.SECTION_HEADER_BYTES;
      String name = in.string(names.offset(), names.size(), in.u32(entry, "section name"),
          "section " + i);
      out.add(read(in, entry, name, i));
    }
    return List.copyOf(out);
  }

  private static SancusElfSection read(SancusElfInput in, long entry, String name, int index)
      throws SancusElfException {
    String field = "section " + index + " ";
    return new SancusElfSection(
        name,
        (int) in.u32(entry + 4, field + "type"),
        in.u32(entry + 12, field + "address"),
        in.u32(entry + 16, field + "offset"),
        in.u32(entry + 20, field + "size"),
        (int) in.u32(entry + 24, field + "link"),
        in.u32(entry + 36, field + "entry size"));
  }

  /** The bytes the section occupies in the file. */
  byte[] contents(SancusElfInput in) throws SancusElfException {
    if (type == TYPE_NOBITS) {
      throw new SancusElfException("section " + name + ": type SHT_NOBITS (expected: contents in the file)");
    }
    return in.bytes(offset, size, "section " + name);
  }
}
