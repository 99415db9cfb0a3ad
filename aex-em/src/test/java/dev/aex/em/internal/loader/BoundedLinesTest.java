package dev.aex.em.internal.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {
  @Test
  void linesEndAtNewlinesWithOrWithoutCarriageReturnAndTheLastNeedsNone() throws IOException {
    assertThat(all(new StringReader("one\r\ntwo\n\nlast"), 10))
        .containsExactly("one", "two", "", "last");
    assertThat(all(new StringReader(""), 10)).isEmpty();
  }

  @Test
  void aLongLineIsCutAndTheNextStartsAfterItsEnd() throws IOException {
    assertThat(all(new StringReader("abcdefgh\nxy\n"), 3)).containsExactly("abc…", "xy");
  }

  /** 100 MB without a newline: read through, keeping what a line may hold. */
  @Test
  void endlessOutputWithoutANewlineBecomesOneCutLine() throws IOException {
    long total = 100_000_000;
    Reader dots = new Reader() {
      long left = total;

      @Override
      public int read(char[] buffer, int offset, int length) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(length, left);
        java.util.Arrays.fill(buffer, offset, offset + n, '.');
        left -= n;
        return n;
      }

      @Override
      public void close() {}
    };

    assertThat(all(dots, 1000)).singleElement().isEqualTo(".".repeat(1000) + "…");
  }

  private static List<String> all(Reader in, int max) throws IOException {
    BoundedLines lines = new BoundedLines(in, max);
    List<String> all = new ArrayList<>();
    for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
      all.add(line.get());
    }
    return all;
  }
}
