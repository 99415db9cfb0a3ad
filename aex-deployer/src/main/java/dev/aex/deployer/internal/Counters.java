package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The counters that one deployer (one {@code Deployer}, one command of the CLI) takes under the
 * keys it seals with.
 *
 * <p>Under a key of the secure suite, the deployer's first take skips a random number of counters
 * (up to 2^36) past the result file's next one and every one the ledger handed out. A copy of the
 * result file used on another machine, which no ledger here can see, thereby starts at a counter
 * of its own: the two copies seal under the same counter only if their random starts fall within
 * a command's length of each other (about 2^-33 for commands of a few messages). Later takes
 * under the key continue where the first ended, so that the messages of one command stay within
 * the module's replay window however the event manager reorders them. Skipping costs nothing:
 * the module accepts any counter above the highest it has seen (SECURITY.md §3).
 *
 * <p>The original's modules (no key here) accept only the exact next counter, a u16: they take
 * it as it is.
 */
final class Counters {
  /** The random skip at a key's first take is 1 to this many counters. */
  static final long SPREAD = 1L << 36;
  /** One past the last counter of the original's modules (a u16 nonce). */
  static final long ORIGINAL_LIMIT = 0xffff;
  /** One past the last counter of the secure suite (2^63 − 1 is never sent). */
  static final long SECURE_LIMIT = Long.MAX_VALUE;

  private final CounterLedger ledger;
  private final RandomGenerator random;
  private final Set<SymmetricKey> started = ConcurrentHashMap.newKeySet();

  Counters(CounterLedger ledger, RandomGenerator random) {
    this.ledger = ledger;
    this.random = random;
  }

  /** The counters of one deployer, with skips drawn from a {@link SecureRandom}. */
  static Counters of(CounterLedger ledger) {
    return new Counters(ledger, new SecureRandom());
  }

  /** Records the next free counter in the result (saved before any counter is used). */
  @FunctionalInterface
  interface Record {
    void next(long next) throws DeployerException;
  }

  /**
   * The first of {@code count} consecutive counters at or after {@code recorded}, the result
   * file's next one; under a secure-suite {@code key}, after every counter the ledger handed out
   * too, and on the key's first take here after a random skip. The counter after them is given to
   * {@code record} before this returns, so no message is sealed with a counter not yet recorded.
   *
   * @throws DeployerException if the ledger fails, the counters would pass the key's limit
   *     ({@code exhausted} says which counter and what to do), or they cannot be recorded
   */
  long take(Optional<SymmetricKey> key, long recorded, int count, Where where,
      String exhausted, String hint, Record record) throws DeployerException {
    long limit = key.isPresent() ? SECURE_LIMIT : ORIGINAL_LIMIT;
    long first = key.isPresent() ? takeSecure(key.get(), recorded, count, limit, where) : recorded;
    if (first > limit - count) {
      throw where.fail(exhausted, hint);
    }
    try {
      record.next(first + count);
    } catch (DeployerException e) {
      throw unrecorded(where, e);
    }
    return first;
  }

  /**
   * For a failed save of the counters just taken: nothing was sent yet (the save's own message
   * says that steps may be done but unrecorded, true only of saves after a step).
   */
  private static DeployerException unrecorded(Where where, DeployerException failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    return where.fail("cannot write the result file, where the counter must be recorded before it"
        + " is used: " + cause.getMessage(), "Nothing was sent. Free some space or fix the"
        + " permissions, then run it again", failure);
  }

  private long takeSecure(SymmetricKey key, long recorded, int count, long limit, Where where)
      throws DeployerException {
    // Takes under one key are serialized by the caller (ModuleSlot, Direct hold the state's
    // monitor), so checking and marking need not be one step. Marked only once a take succeeds:
    // a failed one must not leave the next to start at the file's counter.
    long skip = started.contains(key) ? 0 : random.nextLong(1, SPREAD + 1);
    if (recorded > limit - skip - count) {
      return limit; // beyond the limit whatever the ledger holds; take() says so
    }
    try {
      long first = ledger.take(key, recorded, skip + count) + skip;
      started.add(key);
      return first;
    } catch (IOException e) {
      throw where.fail("cannot use the counter ledger: " + e.getMessage(),
          "Nothing was sent. Check the folder of AEX_STATE_DIR (docs/cli.md)", e);
    }
  }
}
