package dev.aex.module.runtime;

import dev.aex.crypto.SymmetricKey;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ReservedEntry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * set_key (entry 0): installs a connection key sent by the deployer under the module key.
 *
 * <pre>
 * secure (45 bytes):           [enc:1][conn_id:2][io_id:2][frame:40]   AD = BE16(0) ‖ enc ‖ conn_id ‖ io_id
 * original (39, original control): [enc:1][conn_id:2][io_id:2][nonce:2][ct:16][tag:16]   AD = first 7 bytes
 * </pre>
 *
 * The enc byte is checked after authentication (as the original does), so only the deployer can
 * trigger the "legacy flag" refusal and its log line. Zero-IV AES connections (enc 0) need the
 * legacy flag; the original layout needs the original-control flag, which only a module standing
 * in for an original one has.
 */
final class SetKeyEntry {
  private static final Logger LOG = System.getLogger(SetKeyEntry.class.getName());
  private static final int HEADER = 5;
  private static final int SECURE_SIZE = HEADER + 40;
  private static final int LEGACY_AD = 7;
  private static final int LEGACY_SIZE = LEGACY_AD + 32;

  private final ControlChannel control;
  private final ConnectionTable table;
  private final boolean legacy;
  private final boolean originalLayout;
  private final ModuleNames names;

  SetKeyEntry(ControlChannel control, ConnectionTable table, boolean legacy, boolean originalLayout,
      ModuleNames names) {
    this.control = control;
    this.table = table;
    this.legacy = legacy;
    this.originalLayout = originalLayout;
    this.names = names;
  }

  ResultMessage handle(byte[] args) throws Rejection {
    byte[] key;
    if (args.length == SECURE_SIZE) {
      byte[] ad = new byte[2 + HEADER];
      System.arraycopy(args, 0, ad, 2, HEADER); // BE16(0) ‖ header: the first two bytes stay 0
      key = control.open(ad, Arrays.copyOfRange(args, HEADER, SECURE_SIZE), "set_key");
    } else if (args.length == LEGACY_SIZE && originalLayout) {
      key =
          control.openCounted(
              Be16.read(args, HEADER),
              Arrays.copyOf(args, LEGACY_AD),
              Arrays.copyOfRange(args, LEGACY_AD, LEGACY_SIZE),
              "set_key");
    } else {
      throw Rejection.badSize("set_key args", args.length, SECURE_SIZE, LEGACY_SIZE, originalLayout);
    }
    try {
      install(args[0] & 0xff, Be16.read(args, 1), Be16.read(args, 3), SymmetricKey.copyOf(key));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    return ResultMessage.of(ResultCode.OK);
  }

  private void install(int enc, int connId, int ioId, SymmetricKey key) throws Rejection {
    Suite suite =
        Suite.fromEnc(enc)
            .orElseThrow(
                () ->
                    new Rejection(
                        ResultCode.CRYPTO_ERROR,
                        "set_key connection " + connId + ": enc " + enc + " (expected: 0, 1 or 2)"));
    if (suite == Suite.LEGACY_AES && !legacy) {
      throw new Rejection(
          ResultCode.CRYPTO_ERROR,
          "set_key connection " + connId + ": enc 0 (zero-IV AES) refused; the module must be"
              + " built with the legacy flag to accept it");
    }
    Connection connection =
        new Connection(connId, ioId, names.io(ioId), suite, suite.newChannel(connId, key));
    table.put(connection);
    LOG.log(Level.INFO, "{0}: {1}: installed {2}", names.module(),
        names.entry(ReservedEntry.SET_KEY.id()), connection);
  }
}
