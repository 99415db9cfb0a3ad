package dev.aex.crypto.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Sancus image: a 32-bit little-endian MSP430 ELF file, read far enough to find each protected
 * module's code section {@code .text.sm.<name>} and its layout and index symbols (protocol.md
 * §5.4.1, §2.2).
 *
 * <p>Guarantees: every offset and size taken from the file is range-checked, and any problem is a
 * {@link SancusElfException} that names it; no other exception escapes for malformed input. The
 * image is copied, so the caller may reuse its array. Instances are immutable.
 *
 * <p>Not guaranteed: this is not a general ELF reader. Program headers, relocations and extended
 * section numbering are ignored, and the image is not checked to be loadable. The key of a
 * relocated module is only right for the ELF re-linked at the load address (§5.4.1).
 */
public final class SancusElf {
  /** Larger than any MSP430 image (64 KiB address space, plus debug sections). */
  public static final long MAX_FILE_BYTES = 16L << 20;

  private static final String TEXT_PREFIX = ".text.sm.";

  private final SancusElfInput input;
  private final List<SancusElfSection> sections;
  private final List<SancusElfSymbol> symbols;

  private SancusElf(
      SancusElfInput input, List<SancusElfSection> sections, List<SancusElfSymbol> symbols) {
    this.input = input;
    this.sections = sections;
    this.symbols = symbols;
  }

  /** Parses an image held in memory. */
  public static SancusElf parse(byte[] image) throws SancusElfException {
    SancusElfInput input = new SancusElfInput(image.clone());
    SancusElfHeader header = SancusElfHeader.read(input);
    List<SancusElfSection> sections = SancusElfSection.readAll(input, header);
    return new SancusElf(input, sections, SancusElfSymbol.readAll(input, sections));
  }

  /** Reads and parses an image file of at most {@link #MAX_FILE_BYTES}. */
  public static SancusElf read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new SancusElfException(
          "ELF file size: " + size + " bytes (expected: at most " + MAX_FILE_BYTES + ")");
    }
    return parse(Files.readAllBytes(file));
  }

  /** The names of the protected modules, from the {@code .text.sm.<name>} sections, in file order. */
  public List<String> moduleNames() {
    return sections.stream()
        .map(SancusElfSection::name)
        .filter(n -> n.startsWith(TEXT_PREFIX))
        .map(n -> n.substring(TEXT_PREFIX.length()))
        .toList();
  }

  /** The code and layout of module {@code name}: the inputs of its identity. */
  public SancusModule module(String name) throws SancusElfException {
    SancusElfSection text = section(TEXT_PREFIX + name).orElseThrow(() -> new SancusElfException(
        "no section " + TEXT_PREFIX + name + " (modules in this image: " + moduleNames() + ")"));
    String prefix = "__sm_" + name + "_";
    return new SancusModule(
        name,
        text.contents(input),
        text.address(),
        text.offset(),
        address(prefix + "public_start"),
        address(prefix + "public_end"),
        address(prefix + "secret_start"),
        address(prefix + "secret_end"));
  }

  /**
   * The entry and I/O ids of module {@code name}: the values of the symbols {@code
   * __sm_<name>_*_idx}, keyed by the part after {@code __sm_<name>_}, e.g. {@code
   * entry___sm_led_driver_attest_idx} or {@code io_init_led_idx}. Empty if there are none. A module
   * whose name extends {@code name} after an underscore (e.g. {@code led} and {@code led_driver})
   * shares the prefix, so its symbols would be listed too.
   */
  public SortedMap<String, Integer> indexSymbols(String name) throws SancusElfException {
    String prefix = "__sm_" + name + "_";
    SortedMap<String, Integer> out = new TreeMap<>();
    for (SancusElfSymbol s : symbols) {
      if (s.name().startsWith(prefix) && s.name().endsWith("_idx")) {
        out.put(s.name().substring(prefix.length()), address(s.name()));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "SancusElf[" + sections.size() + " sections, " + symbols.size() + " symbols, modules "
        + moduleNames() + "]";
  }

  private Optional<SancusElfSection> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** MSP430 addresses and the protocol's ids are 16 bits; the identity encodes them as LE16. */
  private int address(String symbol) throws SancusElfException {
    long value = value(symbol);
    if (value > 0xFFFF) {
      throw new SancusElfException("symbol " + symbol + ": value 0x" + Long.toHexString(value)
          + " (expected: 16 bits, at most 0xffff)");
    }
    return (int) value;
  }

  /** The value of a symbol that must exist, and must not have two different definitions. */
  private long value(String symbol) throws SancusElfException {
    List<Long> values = symbols.stream()
        .filter(s -> s.name().equals(symbol))
        .map(SancusElfSymbol::value)
        .distinct()
        .toList();
    if (values.isEmpty()) {
      throw new SancusElfException("symbol " + symbol + ": not found (expected: one definition)");
    }
    if (values.size() > 1) {
      throw new SancusElfException("symbol " + symbol + ": values "
          + values.stream().map(v -> "0x" + Long.toHexString(v)).toList()
          + " (expected: one definition)");
    }
    return values.get(0);
  }
}
