package dev.aex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the aex command keeps its counter ledger (docs/cli.md, "Result files"). */
class CounterLedgerPlaceTest {
  @TempDir Path dir;

  private long takeTwice(Map<String, String> env) throws IOException {
    PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
    CliContext context = new CliContext(discard, discard, env, dir, false,
        SessionOpener.deployer());
    SymmetricKey key = SymmetricKey.random16();
    context.counterLedger().take(key, 5, 1);
    return context.counterLedger().take(key, 5, 1);
  }

  @Test
  void aexStateDirComesFirstThenXdgStateHomeThenHome() throws IOException {
    assertThat(takeTwice(Map.of("AEX_STATE_DIR", dir.resolve("a").toString(),
        "XDG_STATE_HOME", dir.resolve("x").toString(), "HOME", dir.resolve("h").toString())))
        .isEqualTo(6);
    assertThat(dir.resolve("a/counters")).isDirectory();
    takeTwice(Map.of("XDG_STATE_HOME", dir.resolve("x").toString(),
        "HOME", dir.resolve("h").toString()));
    assertThat(dir.resolve("x/aex/counters")).isDirectory();
    takeTwice(Map.of("HOME", dir.resolve("h").toString()));
    assertThat(dir.resolve("h/.local/state/aex/counters")).isDirectory();
  }

  /** An empty AEX_STATE_DIR put the ledger in the working folder, one per folder. */
  @Test
  void anEmptyOrRelativeFolderCountsAsUnset() throws IOException {
    takeTwice(Map.of("AEX_STATE_DIR", "", "XDG_STATE_HOME", "relative",
        "HOME", dir.resolve("h").toString()));
    assertThat(dir.resolve("h/.local/state/aex/counters")).isDirectory();
    assertThat(takeTwice(Map.of("AEX_STATE_DIR", " ", "HOME", ""))).isEqualTo(5);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("h"));
    }
  }

  @Test
  void withoutAHomeThereIsNoLedger() throws IOException {
    assertThat(takeTwice(Map.of())).isEqualTo(5);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
