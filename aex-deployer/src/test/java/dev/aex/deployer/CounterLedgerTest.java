package dev.aex.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterLedgerTest {
  @TempDir Path dir;

  /** Two copies of a result file (both recording 3 as the next counter) get distinct counters. */
  @Test
  void aCounterIsHandedOutOnceWhateverTheFileRecords() throws IOException {
    CounterLedger ledger = CounterLedger.inFolder(dir.resolve("counters"));
    SymmetricKey key = SymmetricKey.random16();

    assertThat(ledger.take(key, 3, 1)).isEqualTo(3);
    assertThat(ledger.take(key, 3, 1)).as("the stale copy").isEqualTo(4);
    assertThat(ledger.take(key, 10, 2)).as("a file ahead of the ledger").isEqualTo(10);
    assertThat(ledger.take(key, 4, 1)).isEqualTo(12);
    assertThat(ledger.take(SymmetricKey.random16(), 3, 1)).as("another key").isEqualTo(3);
    assertThat(CounterLedger.inFolder(dir.resolve("counters")).take(key, 0, 1))
        .as("another process").isEqualTo(13);
  }

  @Test
  void concurrentTakesGetDistinctCounters() throws Exception {
    CounterLedger ledger = CounterLedger.inFolder(dir.resolve("counters"));
    SymmetricKey key = SymmetricKey.random16();
    Set<Long> taken = ConcurrentHashMap.newKeySet();
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<Boolean>> all = java.util.stream.IntStream.range(0, 200)
          .mapToObj(i -> pool.submit(() -> taken.add(ledger.take(key, 0, 1)))).toList();
      for (Future<Boolean> f : all) {
        f.get();
      }
    }
    assertThat(taken).hasSize(200).allMatch(c -> c >= 0 && c < 200);
  }

  /** The folder says which keys were used (by a hash), never the keys. */
  @Test
  void theFolderHoldsNoKeyAndOnlyItsOwnerMayEnter() throws IOException {
    Path folder = dir.resolve("counters");
    SymmetricKey key = SymmetricKey.random16();
    CounterLedger.inFolder(folder).take(key, 0, 1);

    String hex = java.util.HexFormat.of().formatHex(key.revealBytes());
    try (var files = Files.list(folder)) {
      assertThat(files).singleElement().satisfies(f -> {
        assertThat(f.getFileName().toString()).hasSize(32).doesNotContain(hex.substring(0, 8));
        assertThat(Files.readString(f)).isEqualTo("1");
        assertThat(Files.getPosixFilePermissions(f)).hasToString("[OWNER_READ, OWNER_WRITE]");
      });
    }
    assertThat(Files.getPosixFilePermissions(folder)).hasToString("[OWNER_READ, OWNER_WRITE,"
        + " OWNER_EXECUTE]");
  }

  /** The secure suite's counters go up to 2^63 − 1; the ledger refuses to wrap past it. */
  @Test
  void countersBeyondAU16AreKeptAndNeverWrap() throws IOException {
    CounterLedger ledger = CounterLedger.inFolder(dir.resolve("counters"));
    SymmetricKey key = SymmetricKey.random16();

    assertThat(ledger.take(key, 1L << 40, 5)).isEqualTo(1L << 40);
    assertThat(ledger.take(key, 0, 1)).isEqualTo((1L << 40) + 5);
    assertThat(ledger.take(key, Long.MAX_VALUE - 2, 2)).isEqualTo(Long.MAX_VALUE - 2);
    assertThatThrownBy(() -> ledger.take(key, 0, 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot advance by 1");
  }

  @Test
  void aDamagedEntryIsAnErrorNotAFreshStart() throws IOException {
    Path folder = dir.resolve("counters");
    SymmetricKey key = SymmetricKey.random16();
    CounterLedger.inFolder(folder).take(key, 0, 1);
    try (var files = Files.list(folder)) {
      Files.writeString(files.findFirst().orElseThrow(), "x7");
    }
    assertThatThrownBy(() -> CounterLedger.inFolder(folder).take(key, 0, 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("counter ledger file is damaged (\"x7\")");
  }
}
