package dev.aex.module.testing;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.legacy.LegacyZeroIvAesGcm;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.crypto.secure.SecureAesGcm;
import dev.aex.crypto.secure.Sender;
import java.nio.ByteBuffer;

/**
 * The deployer's side of the control messages, written from SECURITY.md §4 and protocol.md §2.4
 * (not from the runtime's code): it owns the module key's sender.
 */
public final class TestDeployer {
  public final SymmetricKey moduleKey;
  private final Sender control;

  public TestDeployer(SymmetricKey moduleKey) {
    this.moduleKey = moduleKey;
    this.control = SecureAesGcm.create(moduleKey).newSender();
  }

  /** Secure set_key: {@code [enc][conn_id][io_id][frame]}. */
  public byte[] setKey(int enc, int connId, int ioId, SymmetricKey connectionKey) {
    byte[] header = ByteBuffer.allocate(5).put((byte) enc).putShort((short) connId)
        .putShort((short) ioId).array();
    byte[] ad = ByteBuffer.allocate(7).putShort((short) 0).put(header).array();
    byte[] frame = control.seal(ad, connectionKey.revealBytes());
    return ByteBuffer.allocate(45).put(header).put(frame).array();
  }

  public PendingRequest attest(byte[] challenge) {
    return control.sealRequest(new byte[] {0, 1}, challenge);
  }

  public byte[] disable() {
    return control.seal(new byte[] {0, 2}, new byte[0]);
  }

  /** The original set_key: {@code [enc][conn_id][io_id][nonce][ct:16][tag:16]}, AD = first 7. */
  public static byte[] legacySetKey(
      SymmetricKey moduleKey, int enc, int connId, int ioId, int nonce, SymmetricKey connectionKey) {
    byte[] ad = ByteBuffer.allocate(7).put((byte) enc).putShort((short) connId)
        .putShort((short) ioId).putShort((short) nonce).array();
    byte[] sealed = LegacyZeroIvAesGcm.create(moduleKey).encrypt(ad, connectionKey.revealBytes());
    return ByteBuffer.allocate(39).put(ad).put(sealed).array();
  }

  /** The original disable: {@code [nonce][ct:2][tag:16]}, AD and plaintext = the nonce. */
  public static byte[] legacyDisable(SymmetricKey moduleKey, int nonce) {
    byte[] n = {(byte) (nonce >>> 8), (byte) nonce};
    byte[] sealed = LegacyZeroIvAesGcm.create(moduleKey).encrypt(n, n);
    return ByteBuffer.allocate(20).put(n).put(sealed).array();
  }

  /** {@code [conn_id:2][data]}, the args of entries 3 and 4. */
  public static byte[] eventArgs(int connId, byte[] data) {
    return ByteBuffer.allocate(2 + data.length).putShort((short) connId).put(data).array();
  }

  /** The secure suite's AD for an event (entry 3) or a request (entry 4) on a connection. */
  public static byte[] ad(int entry, int connId) {
    return ByteBuffer.allocate(4).putShort((short) entry).putShort((short) connId).array();
  }
}
