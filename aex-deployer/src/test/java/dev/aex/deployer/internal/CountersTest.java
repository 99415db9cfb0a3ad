package dev.aex.deployer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.NativeNode;
import dev.aex.deployer.descriptor.NodeAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountersTest {
  private static final Where WHERE =
      Where.at("output", "inc", new NativeNode("n", NodeAddress.of("127.0.0.1", 5000), 1));

  @TempDir Path dir;

  private static long take(Counters counters, Optional<SymmetricKey> key, long recorded, int count)
      throws DeployerException {
    return counters.take(key, recorded, count, WHERE, "the counter is used up", "Re-key it",
        next -> { });
  }

  /** A flow's first take under a key skips what the same generator draws; later ones follow on. */
  @Test
  void theFirstTakeOfAFlowSkipsARandomAmountAndTheNextOnesFollow() throws DeployerException {
    Optional<SymmetricKey> key = Optional.of(SymmetricKey.random16());
    long skip = new SplittableRandom(7).nextLong(1, Counters.SPREAD + 1);
    Counters counters = new Counters(CounterLedger.none(), new SplittableRandom(7));

    assertThat(take(counters, key, 10, 3)).isEqualTo(10 + skip);
    assertThat(take(counters, key, 10 + skip + 3, 1)).isEqualTo(10 + skip + 3);
    Optional<SymmetricKey> other = Optional.of(SymmetricKey.random16());
    assertThat(take(counters, other, 10, 1)).as("another key skips on its own")
        .isBetween(11L, 10 + Counters.SPREAD);
  }

  /**
   * Copies of one result file on machines that share no ledger (two flows, each with a ledger of
   * its own) start at counters of their own; on the same machine the ledger keeps them apart.
   */
  @Test
  void copiesStartApartWithOrWithoutASharedLedger() throws Exception {
    Optional<SymmetricKey> key = Optional.of(SymmetricKey.random16());
    long here = take(Counters.of(CounterLedger.inFolder(dir.resolve("a"))), key, 5, 2);
    long there = take(Counters.of(CounterLedger.inFolder(dir.resolve("b"))), key, 5, 2);
    assertThat(here).isNotEqualTo(there).isBetween(6L, 5 + Counters.SPREAD);
    assertThat(there).isBetween(6L, 5 + Counters.SPREAD);

    CounterLedger shared = CounterLedger.inFolder(dir.resolve("a"));
    long again = take(Counters.of(shared), key, 5, 1);
    assertThat(again).as("the stale copy on the first machine").isGreaterThan(here + 1);
  }

  /** The original's modules accept only the exact next u16 nonce: no skip, no ledger. */
  @Test
  void originalCountersAreTakenAsTheyAreUpToTheirU16() throws DeployerException {
    Counters counters = Counters.of(CounterLedger.inFolder(dir.resolve("ledger")));
    assertThat(take(counters, Optional.empty(), 4, 1)).isEqualTo(4);
    assertThat(take(counters, Optional.empty(), 4, 2)).isEqualTo(4);
    assertThat(take(counters, Optional.empty(), 0xfffe, 1)).isEqualTo(0xfffe);
    assertThatThrownBy(() -> take(counters, Optional.empty(), 0xfffe, 2))
        .hasMessage("output inc on n (127.0.0.1:5000): the counter is used up. Re-key it");
  }

  /** The secure suite's last counter is 2^63 − 2 (SECURITY.md §3). */
  @Test
  void secureCountersRunTo2Pow63Minus2AndThenFail() throws DeployerException {
    Optional<SymmetricKey> key = Optional.of(SymmetricKey.random16());
    Counters counters = new Counters(CounterLedger.none(), new SplittableRandom(1));
    take(counters, key, 0, 1); // the skip is spent
    assertThat(take(counters, key, Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE - 1);
    assertThatThrownBy(() -> take(counters, key, Long.MAX_VALUE - 1, 2))
        .hasMessage("output inc on n (127.0.0.1:5000): the counter is used up. Re-key it");
    assertThatThrownBy(() -> take(counters, key, Long.MAX_VALUE, 1))
        .hasMessageContaining("used up");
    Counters fresh = new Counters(CounterLedger.none(), new SplittableRandom(1));
    assertThatThrownBy(() -> take(fresh, key, Long.MAX_VALUE - 1, 1))
        .as("no room for the skip").hasMessageContaining("used up");
  }

  /** A take that failed did not use the skip: the next one still starts a random step ahead. */
  @Test
  void aFailedFirstTakeLeavesTheSkipToTheNext() throws DeployerException {
    Optional<SymmetricKey> key = Optional.of(SymmetricKey.random16());
    int[] calls = {0};
    CounterLedger failsOnce = (k, recorded, count) -> {
      if (calls[0]++ == 0) {
        throw new java.io.IOException("disk full");
      }
      return recorded;
    };
    SplittableRandom draws = new SplittableRandom(3);
    draws.nextLong(1, Counters.SPREAD + 1); // drawn for the take that fails
    Counters counters = new Counters(failsOnce, new SplittableRandom(3));

    assertThatThrownBy(() -> take(counters, key, 10, 1)).hasMessageContaining("disk full");
    assertThat(take(counters, key, 10, 1)).isEqualTo(10 + draws.nextLong(1, Counters.SPREAD + 1));
    Counters nearTheEnd = new Counters(CounterLedger.none(), new SplittableRandom(3));
    assertThatThrownBy(() -> take(nearTheEnd, key, Long.MAX_VALUE - 1, 1))
        .hasMessageContaining("used up");
    assertThatThrownBy(() -> take(nearTheEnd, key, Long.MAX_VALUE - 1, 1))
        .as("still no room for a skip").hasMessageContaining("used up");
  }

  @Test
  void aLedgerThatFailsStopsTheTakeWithAHint() {
    Optional<SymmetricKey> key = Optional.of(SymmetricKey.random16());
    Counters counters = new Counters((k, recorded, count) -> {
      throw new java.io.IOException("disk full");
    }, new SplittableRandom(1));
    assertThatThrownBy(() -> take(counters, key, 0, 1))
        .isInstanceOf(DeployerException.class)
        .hasMessage("output inc on n (127.0.0.1:5000): cannot use the counter ledger: disk full."
            + " Nothing was sent. Check the folder of AEX_STATE_DIR (docs/cli.md)");
  }
}
