package dev.aex.deployer.internal;

import dev.aex.crypto.SymmetricKey;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.deployer.descriptor.SancusModule;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ReservedEntry;

/**
 * disable (deployer-reference.md §5.2): the module drops every connection and stays loaded. Sent
 * to the node the module runs on; the counter it takes is saved (the original forgets it, so its
 * next command on the same result file is refused).
 */
final class Disables {
  private Disables() {}

  /** Disables the module; {@code what} names it in the progress line ("Disabled " + what). */
  static void disable(Context ctx, ModuleSlot slot, String what) throws DeployerException {
    if (!disableIfRunning(ctx, slot, what)) {
      throw where(ctx, slot.get()).fail(Hints.answered(ResultCode.INTERNAL_ERROR),
          Hints.MODULE_NOT_REACHED);
    }
  }

  /**
   * Disables the module; false if its event manager answered InternalError, that is, the module
   * does not run there (it died, or the event manager restarted and lost it). Only the counter,
   * recorded, changed then.
   */
  static boolean disableIfRunning(Context ctx, ModuleSlot slot, String what)
      throws DeployerException {
    Module m = slot.get();
    Where where = where(ctx, m);
    if (!m.common().deployed()) {
      throw where.fail("the module is not deployed", "Deploy it first");
    }
    SymmetricKey key = ModuleKeys.of(ctx, m, where);
    return Timer.time(ctx.listener(), "disable", m.name(), "Disable time for " + m.name(), () -> {
      ResultMessage reply;
      ctx.lockOf(m).lock();
      try {
        reply = send(ctx, slot, key, where);
      } finally {
        ctx.lockOf(m).unlock();
      }
      if (reply.code() == ResultCode.INTERNAL_ERROR) {
        return false;
      }
      ctx.listener().info("Disabled " + what);
      return true;
    });
  }

  private static Where where(Context ctx, Module m) {
    return Where.at("disable", m.name(), ctx.runsOn(m));
  }

  /** The disable under the next counter; the reply if it is OK or InternalError. */
  private static ResultMessage send(Context ctx, ModuleSlot slot, SymmetricKey key, Where where)
      throws DeployerException {
    Module m = slot.get();
    long nonce = slot.takeNonce(where);
    boolean aex = ctx.workspace().isAex(m);
    byte[] args = aex
        ? Control.secureDisable(key, nonce)
        : m instanceof SancusModule
            ? Control.sancusDisable(key, nonce)
            : Control.legacyDisable(key, nonce);
    ResultMessage reply =
        Control.exchange(ctx, slot, where, ReservedEntry.DISABLE.id(), args, nonce);
    if (reply.code() == ResultCode.CRYPTO_ERROR) {
      throw where.fail("the module refused the message (CryptoError)",
          Attestation.staleOrWrongKey(m.name(), nonce));
    }
    if (!aex && reply.code() == ResultCode.ILLEGAL_PAYLOAD) {
      throw where.fail("the module refused nonce " + nonce + " (IllegalPayload)", "The result"
          + " file is stale (its nonce for " + m.name() + " is not the module's); use the"
          + " latest result file");
    }
    if (reply.code() != ResultCode.OK && reply.code() != ResultCode.INTERNAL_ERROR) {
      throw where.fail(Hints.answered(reply.code()), Hints.MODULE_NOT_REACHED);
    }
    return reply;
  }
}
