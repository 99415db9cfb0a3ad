package dev.aex.module.runtime;

import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ReservedEntry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * disable (entry 2): drops every connection; the module keeps running and can be re-keyed.
 *
 * <pre>
 * secure (24 bytes):           [frame:24]   AD = BE16(2), empty plaintext
 * original (20, original control):  [nonce:2][ct:2][tag:16]   AD = nonce, zero-IV AES
 * </pre>
 */
final class DisableEntry {
  private static final Logger LOG = System.getLogger(DisableEntry.class.getName());
  private static final int SECURE_SIZE = 24;
  private static final int LEGACY_SIZE = 20;

  private final ControlChannel control;
  private final ConnectionTable table;
  private final boolean originalLayout;
  private final ModuleNames names;

  DisableEntry(
      ControlChannel control, ConnectionTable table, boolean originalLayout, ModuleNames names) {
    this.control = control;
    this.table = table;
    this.originalLayout = originalLayout;
    this.names = names;
  }

  ResultMessage handle(byte[] args) throws Rejection {
    if (args.length == SECURE_SIZE) {
      control.open(Be16.of(ReservedEntry.DISABLE.id()), args, "disable");
    } else if (args.length == LEGACY_SIZE && originalLayout) {
      // The original ignores the plaintext (a copy of the nonce); authenticity is what counts.
      control.openCounted(
          Be16.read(args, 0), Arrays.copyOf(args, 2), Arrays.copyOfRange(args, 2, 20), "disable");
    } else {
      throw Rejection.badSize("disable args", args.length, SECURE_SIZE, LEGACY_SIZE, originalLayout);
    }
    int dropped = table.clear();
    LOG.log(Level.INFO, "{0}: {1}: dropped {2} connections", names.module(),
        names.entry(ReservedEntry.DISABLE.id()), String.valueOf(dropped));
    return ResultMessage.of(ResultCode.OK);
  }
}
