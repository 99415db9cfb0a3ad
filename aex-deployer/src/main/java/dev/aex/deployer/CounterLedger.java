package dev.aex.deployer;

import dev.aex.crypto.SymmetricKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The counters used under each key that the deployer seals with (a module key, a direct
 * connection's key), kept outside the result file. The result file records them too, but a copy
 * of it goes stale as soon as the other copy is used: its counters, used already, would seal a
 * second message under the same key and counter, the one thing AES-GCM must never do (the event
 * manager sees both, and could then forge messages under that key). A ledger shared by every
 * copy on this machine hands out each counter once; copies on other machines are kept apart by
 * the random skip of each deployer's first counter under a key (SECURITY.md §4).
 *
 * <pre>{@code
 * DeployerSettings settings = DeployerSettings.defaults(workspace)
 *     .withCounterLedger(CounterLedger.inFolder(Path.of(System.getProperty("user.home"),
 *         ".local/state/aex/counters")));
 * }</pre>
 */
public interface CounterLedger {
  /**
   * Takes {@code count} consecutive counters under {@code key}, starting at {@code recorded} (the
   * result file's next counter) or above every counter this ledger handed out under it, and
   * records them as used before returning the first.
   *
   * @throws IOException if the ledger cannot be read or written, or holds a counter too large to
   *     add {@code count} to: nothing may be sealed then
   */
  long take(SymmetricKey key, long recorded, long count) throws IOException;

  /** No ledger: the result file's counters are used as they are (one file, never copied). */
  static CounterLedger none() {
    return (key, recorded, count) -> recorded;
  }

  /**
   * A ledger of one small file per key in {@code folder} (created, owner-only), named by a hash of
   * the key and holding the next free counter; each take locks its file, so processes using
   * copies of one result file at the same time take distinct counters.
   */
  static CounterLedger inFolder(Path folder) {
    return new FolderLedger(folder);
  }
}
