package dev.aex.crypto.keys;

/** The fields of the ELF header that locate the section table. */
record SancusElfHeader(long sectionTableOffset, int sectionCount, int sectionNamesIndex) {
  private static final int CLASS_32 = 1;
  private static final int LITTLE_ENDIAN = 1;
  private static final int MACHINE_MSP430 = 105;
  static final int SECTION_HEADER_BYTES = 40;

  static SancusElfHeader read(SancusElfInput in) throws SancusElfException {
    long magic = in.u32(0, "ELF magic");
    if (magic != 0x464c457fL) {
      throw new SancusElfException("ELF magic: 0x" + Long.toHexString(magic)
          + " (expected: 0x464c457f, \\x7fELF)");
    }
    expect(in.u8(4, "ELF class"), CLASS_32, "ELF class", "1, 32-bit");
    expect(in.u8(5, "ELF data encoding"), LITTLE_ENDIAN, "ELF data encoding", "1, little-endian");
    expect(in.u16(18, "ELF machine"), MACHINE_MSP430, "ELF machine", "105, MSP430");
    expect(in.u16(46, "section header size"), SECTION_HEADER_BYTES, "section header size", "40");
    int count = in.u16(48, "section count");
    if (count == 0) {
      throw new SancusElfException("section count: 0 (expected: at least 1)");
    }
    int names = in.u16(50, "section name table index");
    if (names >= count) {
      throw new SancusElfException("section name table index: " + names
          + " (expected: below the section count " + count + ")");
    }
    return new SancusElfHeader(in.u32(32, "section table offset"), count, names);
  }

  private static void expect(int value, int expected, String field, String description)
      throws SancusElfException {
    if (value != expected) {
      throw new SancusElfException(field + ": " + value + " (expected: " + description + ")");
    }
  }
}
