package dev.aex.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Truncated and corrupted copies of the shared Sancus images: each must fail with a {@link
 * SancusElfException} that says what is wrong, never with an unchecked exception.
 */
class SancusElfMalformedTest {
  private static final String TEXT = ".text.sm.led_driver";
  private static final String TMP = "__sm_led_driver_tmp";

  static String[] files() {
    return SancusElfFixture.FILES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyTruncationIsATypedError(String file) {
    SancusElfFixture elf = new SancusElfFixture(file);
    // The string table of these images runs to the end of the file, so no prefix is usable.
    for (int length : truncationLengths(elf)) {
      byte[] cut = Arrays.copyOf(elf.bytes, length);
      assertThatThrownBy(() -> SancusElf.parse(cut).module("led_driver"))
          .as("truncated to %d bytes", length)
          .isInstanceOf(SancusElfException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void corruptHeadersAndTablesFailOnlyWithTypedErrors(String file) {
    SancusElfFixture elf = new SancusElfFixture(file);
    int table = elf.sectionTable();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < 52; i++) {
      positions.add(i);
    }
    for (int i = table; i < table + 40 * elf.sectionCount(); i++) {
      positions.add(i);
    }
    for (int position : positions) {
      for (int value : new int[] {0x00, 0xFF, elf.bytes[position] ^ 0x80}) {
        byte[] copy = elf.bytes.clone();
        copy[position] = (byte) value;
        useEverything(copy);
      }
    }
  }

  static Stream<Arguments> corruptions() {
    return Stream.of(
        corruption("wrong magic", f -> f.put32(0, 0x464c4500),
            "ELF magic: 0x464c4500 (expected: 0x464c457f, \\x7fELF)"),
        corruption("64-bit class", f -> f.put16(4, 0x0102), "ELF class: 2 (expected: 1, 32-bit)"),
        corruption("big-endian", f -> f.put16(4, 0x0201),
            "ELF data encoding: 2 (expected: 1, little-endian)"),
        corruption("other machine", f -> f.put16(18, 40), "ELF machine: 40 (expected: 105, MSP430)"),
        corruption("section header size", f -> f.put16(46, 64),
            "section header size: 64 (expected: 40)"),
        corruption("section table beyond the file", f -> f.put32(0x20, 0x7fff0000),
            "section header table (23 entries): bytes 0x7fff0000+920"
                + " (expected: within the file, size 79439)"),
        corruption("no sections", f -> f.put16(0x30, 0), "section count: 0 (expected: at least 1)"),
        corruption("name table index", f -> f.put16(0x32, 23),
            "section name table index: 23 (expected: below the section count 23)"),
        corruption("symbol table link", f -> f.put32(f.sectionOfType(2) + 24, 1),
            "symbol table .symtab string table link: 1"
                + " (expected: the index of an SHT_STRTAB section below 23)"),
        corruption("unterminated name", SancusElfMalformedTest::unterminateLastSectionName,
            "section 3 name at string table offset 277 is not NUL-terminated"
                + " before the end of the table"),
        corruption("text without contents", f -> f.put32(f.sectionNamed(TEXT) + 4, 8),
            "section .text.sm.led_driver: type SHT_NOBITS (expected: contents in the file)"),
        corruption("text beyond the file", f -> f.put32(f.sectionNamed(TEXT) + 20, 0x10000),
            "section .text.sm.led_driver: bytes 0x7f90+65536"
                + " (expected: within the file, size 79439)"),
        corruption("missing layout symbol",
            f -> f.put32(f.symbol("__sm_led_driver_secret_end"), f.u32(f.symbol(TMP))),
            "symbol __sm_led_driver_secret_end: not found (expected: one definition)"),
        corruption("conflicting layout symbol",
            f -> f.put32(f.symbol(TMP), f.u32(f.symbol("__sm_led_driver_public_end"))),
            "symbol __sm_led_driver_public_end: values [0x136c, 0xe69e]"
                + " (expected: one definition)"),
        corruption("address above 16 bits",
            f -> f.put32(f.symbol("__sm_led_driver_public_start") + 4, 0x10000),
            "symbol __sm_led_driver_public_start: value 0x10000"
                + " (expected: 16 bits, at most 0xffff)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptions")
  void corruptionIsNamed(Consumer<SancusElfFixture> change, String message) {
    SancusElfFixture elf = fixture();
    change.accept(elf);
    assertThatThrownBy(() -> SancusElf.parse(elf.bytes).module("led_driver"))
        .isInstanceOf(SancusElfException.class)
        .hasMessage(message);
  }

  @Test
  void missingModuleIsNamedWithTheModulesPresent() {
    // Outside the lambda: without the vectors the test must skip, not catch the abort.
    byte[] image = fixture().bytes;
    assertThatThrownBy(() -> SancusElf.parse(image).module("nope"))
        .isInstanceOf(SancusElfException.class)
        .hasMessage("no section .text.sm.nope (modules in this image: [led_driver, pmodled])");
  }

  @Test
  void idAboveSixteenBitsIsNamed() {
    SancusElfFixture ids = fixture();
    ids.put32(ids.symbol("__sm_led_driver_io_init_led_idx") + 4, 0x12345);
    assertThatThrownBy(() -> SancusElf.parse(ids.bytes).indexSymbols("led_driver"))
        .isInstanceOf(SancusElfException.class)
        .hasMessage("symbol __sm_led_driver_io_init_led_idx: value 0x12345"
            + " (expected: 16 bits, at most 0xffff)");
  }

  @Test
  void oversizedFileIsRejectedBeforeReading(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.elf");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(SancusElf.MAX_FILE_BYTES + 1);
    }
    assertThatThrownBy(() -> SancusElf.read(big))
        .isInstanceOf(SancusElfException.class)
        .hasMessage("ELF file size: 16777217 bytes (expected: at most 16777216)");
  }

  @Test
  void emptyFileIsNamed() {
    assertThatThrownBy(() -> SancusElf.parse(new byte[0]))
        .isInstanceOf(SancusElfException.class)
        .hasMessage("ELF magic: bytes 0x0+4 (expected: within the file, size 0)");
  }

  /** Parses and uses every part of the reader; only typed failures are allowed. */
  private static void useEverything(byte[] image) {
    try {
      SancusElf elf = SancusElf.parse(image);
      for (String name : elf.moduleNames()) {
        elf.indexSymbols(name);
        assertThat(elf.module(name).identity()).isNotEmpty();
      }
    } catch (SancusElfException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static List<Integer> truncationLengths(SancusElfFixture elf) {
    List<Integer> lengths = new ArrayList<>();
    for (int n = 0; n < elf.bytes.length; n += n < 128 ? 1 : 211) {
      lengths.add(n);
    }
    lengths.add(elf.bytes.length - 1);
    return lengths;
  }

  private static SancusElfFixture fixture() {
    return new SancusElfFixture(SancusElfFixture.FILES[0]);
  }

  /** Points section 3's name at the last byte of the name table and makes that byte non-NUL. */
  private static void unterminateLastSectionName(SancusElfFixture f) {
    int names = f.section(f.u16(0x32));
    int size = f.u32(names + 20);
    f.put32(f.section(3), size - 1);
    f.bytes[f.u32(names + 16) + size - 1] = 'x';
  }

  private static Arguments corruption(
      String what, Consumer<SancusElfFixture> change, String message) {
    return Arguments.of(Named.of(what, change), message);
  }
}
