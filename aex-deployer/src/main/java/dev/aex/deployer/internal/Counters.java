package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.CounterLedger;
import dev.aex.deployer.DeployerException;
import java.io.IOException;
import java.util.Optional;

/** The counters a command takes: the result file's, raised past the ledger's where it has more. */
final class Counters {
  private Counters() {}

  /**
   * The first of {@code count} counters after {@code recorded}, the result file's next one; with
   * a {@code key} of the secure suite, never one the ledger handed out under it already. The
   * original's modules (no key here) take the exact next counter, so they are not raised.
   */
  static int take(CounterLedger ledger, Optional<SymmetricKey> key, int recorded, int count,
      Where where) throws DeployerException {
    if (key.isEmpty()) {
      return recorded;
    }
    try {
      return ledger.take(key.get(), recorded, count);
    } catch (IOException e) {
      throw where.fail("cannot use the counter ledger: " + e.getMessage(),
          "Nothing was sent. Check the folder of AEX_STATE_DIR (docs/cli.md)", e);
    }
  }
}
