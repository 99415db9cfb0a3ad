package dev.aex.deployer.internal;

import dev.aex.crypto.AuthenticationFailedException;
import dev.aex.crypto.ConstantTime;
import dev.aex.crypto.secure.PendingRequest;
import dev.aex.deployer.DeployerException;
import dev.aex.deployer.descriptor.Module;
import dev.aex.wire.Bytes;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.Call;
import dev.aex.wire.payload.ReservedEntry;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The secure challenge under the recorded module key, sent: the module must seal the same random
 * challenge back (SECURITY.md §4). Its reply is judged apart from the sending, since status tells
 * a module that refuses this result file's counter or key (it runs, and another file has talked
 * to it) from one that does not answer.
 */
final class Challenge {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Where where;
  private final String module;
  private final int moduleId;
  private final long counter;
  private final byte[] challenge;
  private final PendingRequest pending;
  private final ResultMessage reply;

  private Challenge(Where where, Module module, long counter, byte[] challenge,
      PendingRequest pending, ResultMessage reply) {
    this.where = where;
    this.module = module.name();
    this.moduleId = module.id().orElseThrow();
    this.counter = counter;
    this.challenge = challenge;
    this.pending = pending;
    this.reply = reply;
  }

  /** Sends a fresh challenge to the module of {@code slot}, its failures naming {@code step}. */
  static Challenge send(Context ctx, ModuleSlot slot, String step) throws DeployerException {
    ReentrantLock lock = ctx.lockOf(slot.get());
    lock.lock();
    try {
      return seal(ctx, slot, step).send(ctx);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A fresh challenge sealed under the module's next counter, which is taken and recorded, but not
   * sent yet: a counter that cannot be taken or recorded fails before anything leaves.
   */
  static Sealed seal(Context ctx, ModuleSlot slot, String step) throws DeployerException {
    Module m = slot.get();
    Where where = Where.at(step, m.name(), ctx.runsOn(m));
    byte[] challenge = new byte[16];
    RANDOM.nextBytes(challenge);
    long counter = slot.takeNonce(where);
    return new Sealed(where, m, counter, challenge,
        Control.secureAttest(m.key().orElseThrow(), counter, challenge));
  }

  /** {@link #seal}'s challenge, to {@link #send}. */
  record Sealed(Where where, Module module, long counter, byte[] challenge,
      PendingRequest pending) {
    Challenge send(Context ctx) throws DeployerException {
      ResultMessage reply = ctx.em().exchange(where, new Call(module.id().orElseThrow(),
          ReservedEntry.ATTEST.id(), Bytes.of(pending.frame())).toMessage());
      return new Challenge(where, module, counter, challenge, pending, reply);
    }
  }

  /** Whether the event manager says that the module does not run there (InternalError). */
  boolean notRunning() {
    return reply.code() == ResultCode.INTERNAL_ERROR;
  }

  /** Whether the module refused this result file's counter or key (CryptoError). */
  boolean refused() {
    return reply.code() == ResultCode.CRYPTO_ERROR;
  }

  /** Fails unless the module sealed the challenge back under the recorded key. */
  void check() throws DeployerException {
    if (refused()) {
      throw where.fail("the module refused the challenge (CryptoError)",
          Attestation.staleOrWrongKey(module, counter));
    }
    if (reply.code() != ResultCode.OK) {
      throw where.fail(Hints.answered(reply.code()),
          reply.code() == ResultCode.INTERNAL_ERROR ? Hints.MODULE_NOT_REACHED
              : "Is module " + moduleId + " on that node the one this result file deployed?");
    }
    byte[] answer;
    try {
      answer = pending.openReply(Control.attestAd(), reply.payload().toByteArray());
    } catch (AuthenticationFailedException e) {
      throw where.fail("the answer does not authenticate under the module key",
          "The module on that port is not the one this result file deployed; deploy it again");
    }
    if (!ConstantTime.equals(answer, challenge)) {
      throw where.fail("the module answered another challenge", "Deploy the module again");
    }
  }
}
