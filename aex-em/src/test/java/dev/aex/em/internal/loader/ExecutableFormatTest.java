package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.wire.Bytes;
import dev.aex.wire.NativeLoad;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only what the kernel runs by itself is started; anything else would be read by /bin/sh. */
class ExecutableFormatTest {
  @Test
  void anElfFileAndAScriptWithAShebangAreExecutables() {
    assertThat(new NativeLoad(Bytes.of(new byte[] {0x7f, 'E', 'L', 'F', 2, 1})).runnable())
        .isTrue();
    assertThat(new NativeLoad(ascii("#!/bin/sh\nexec java -jar \"$0\"\n")).runnable())
        .isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(new NativeLoad(ascii("touch /tmp/owned\n")).runnable()).isFalse();
    assertThat(new NativeLoad(ascii("#")).runnable()).isFalse();
    assertThat(new NativeLoad(Bytes.of(new byte[] {0x7f, 'E', 'L'})).runnable()).isFalse();
    assertThat(new NativeLoad(Bytes.empty()).runnable()).isFalse();
  }

  private static Bytes ascii(String text) {
    return Bytes.of(text.getBytes(StandardCharsets.US_ASCII));
  }
}
