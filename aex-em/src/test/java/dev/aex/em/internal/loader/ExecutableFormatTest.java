package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only what the kernel runs by itself is started; anything else would be read by /bin/sh. */
class ExecutableFormatTest {
  @Test
  void anElfFileAndAScriptWithAShebangAreExecutables() {
    assertThat(ModuleLoader.isExecutableFormat(Bytes.of(new byte[] {0x7f, 'E', 'L', 'F', 2, 1})))
        .isTrue();
    assertThat(ModuleLoader.isExecutableFormat(ascii("#!/bin/sh\nexec java -jar \"$0\"\n")))
        .isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(ModuleLoader.isExecutableFormat(ascii("touch /tmp/owned\n"))).isFalse();
    assertThat(ModuleLoader.isExecutableFormat(ascii("#"))).isFalse();
    assertThat(ModuleLoader.isExecutableFormat(Bytes.of(new byte[] {0x7f, 'E', 'L'}))).isFalse();
    assertThat(ModuleLoader.isExecutableFormat(Bytes.empty())).isFalse();
  }

  private static Bytes ascii(String text) {
    return Bytes.of(text.getBytes(StandardCharsets.US_ASCII));
  }
}
