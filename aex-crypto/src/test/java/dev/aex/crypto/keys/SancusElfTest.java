package dev.aex.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.testkit.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What the reader finds in a valid image, beyond the key vectors. */
class SancusElfTest {

  @Test
  void listsTheModulesOfAnImage() throws IOException {
    SancusElf elf = SancusElf.read(Vectors.file("sancus/reactive_led.elf"));
    assertThat(elf.moduleNames()).containsExactly("led_driver", "pmodled");
    assertThat(elf).hasToString(
        "SancusElf[23 sections, 594 symbols, modules [led_driver, pmodled]]");
  }

  @Test
  void moduleWithoutIndexSymbolsGivesAnEmptyMap() throws IOException {
    SancusElf elf = SancusElf.read(Vectors.file("sancus/reactive_led.elf"));
    assertThat(elf.indexSymbols("nope")).isEmpty();
  }

  @Test
  void parseCopiesTheCallersArray() throws IOException {
    byte[] image = Files.readAllBytes(Vectors.file("sancus/reactive_led.elf"));
    SancusElf elf = SancusElf.parse(image);
    byte[] before = elf.module("pmodled").identity();
    java.util.Arrays.fill(image, (byte) 0);
    assertThat(elf.module("pmodled").identity()).isEqualTo(before);
  }
}
