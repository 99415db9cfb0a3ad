package dev.aex.module.processor;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {
  @ParameterizedTest
  @CsvSource({
    "buttonPressed, button_pressed",
    "getHTTPCount, get_http_count",
    "Controller, controller",
    "HTTPServer, http_server",
    "toURL, to_url",
    "value2Bytes, value2_bytes",
    "get2ndValue, get2nd_value",
    "ABC, abc",
    "x, x",
    "already_snake, already_snake",
    "button_Pressed, button_pressed",
    "_led, _led",
  })
  void snakeCase(String javaName, String expected) {
    assertThat(Names.snakeCase(javaName)).isEqualTo(expected);
  }

  @Test
  void validNames() {
    assertThat(Names.isValid("button_pressed")).isTrue();
    assertThat(Names.isValid("a1")).isTrue();
    assertThat(Names.isValid("")).isFalse();
    assertThat(Names.isValid("_led")).isTrue();
    assertThat(Names.isValid("__save")).isTrue();   // the original's state-transfer convention
    assertThat(Names.isValid("_")).isFalse();
    assertThat(Names.isValid("__1")).isFalse();
    assertThat(Names.isValid("1led")).isFalse();
    assertThat(Names.isValid("Led")).isFalse();
    assertThat(Names.isValid("led-on")).isFalse();
    assertThat(Names.isValid("lamp$1")).isFalse();
    assertThat(Names.isValid("caf\u00e9")).isFalse();
  }

  @Property
  void snakeCaseNamesStayAsTheyAre(
      @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') @NumericChars @Chars('_')
          String tail) {
    String name = "a" + tail;

    assertThat(Names.snakeCase(name)).isEqualTo(name);
    assertThat(Names.isValid(name)).isTrue();
  }
}
